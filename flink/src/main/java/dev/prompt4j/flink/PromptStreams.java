package dev.prompt4j.flink;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The two streams an {@link AsyncPrompt} splits into: every element is in exactly one of them.
 *
 * @param results the answers (typed as generic objects: map them to your sink's type)
 * @param deadLetters the elements that got no answer
 * @param <I> the element type
 * @param <O> the answer type
 */
public record PromptStreams<I, O>(DataStream<O> results, DataStream<DeadLetter<I>> deadLetters) {
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <O> TypeInformation<O> anyType() {
    return (TypeInformation) new GenericTypeInfo<>(Object.class);
  }
}
