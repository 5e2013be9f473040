package com.acme;

import dev.prompt4j.internal.stream.Partials;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * {@link Streams.Story} while it streams: each component is {@code null} until it appears in the answer.
 *
 * <p>Strings, numbers, booleans and enum constants appear whole; a nested record as its own partial, a list
 * of records as a list of partials, growing. {@code @StreamDone} and {@code @StreamRequired} on the record's
 * components apply. Emitted by {@code PromptStream.partials(Streams_StoryPartial.class)} and {@code StreamEvent.Partial.typed()}.
 *
 * <p>Written by the Prompt4j annotation processor (named {@code <Record>Partial}, {@code <Outer>_<Record>Partial}
 * for a nested record, in the record's package): change {@link Streams.Story}, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public record Streams_StoryPartial(String title, Integer chapters) {
  /**
   * Builds the partial from the runtime's parser state (generated-code ABI).
   *
   * @param json the answer so far, as maps and lists
   * @param partials the conversions of this stream
   * @return the partial
   */
  public static Streams_StoryPartial of(Map<String, Object> json, Partials partials) {
    return new Streams_StoryPartial(Partials.string(json.get("title")),
        Partials.intValue(json.get("chapters")));
  }
}
