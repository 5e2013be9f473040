package dev.prompt4j.internal.call;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.prompt4j.CallParameters;
import dev.prompt4j.internal.output.OutputMode;
import dev.prompt4j.internal.output.OutputParseException;
import dev.prompt4j.internal.output.OutputType;
import java.util.ArrayList;
import java.util.List;

/** What a re-ask says: the model's answer back, every error found in it, and the schema to follow. */
final class Reask {
  private Reask() {}

  /** The errors of an invalid answer, and a note when it was cut off at the token limit. */
  static List<String> errors(OutputParseException failure, String finishReason, CallParameters parameters) {
    if (!"LENGTH".equals(finishReason)) {
      return failure.errors();
    }
    List<String> errors = new ArrayList<>(failure.errors());
    errors.add("the answer was cut off at the output token limit" + (parameters.maxTokens() == null ? "" : " (maxTokens = "
        + parameters.maxTokens() + ")") + ": answer more briefly, or raise maxTokens");
    return errors;
  }

  /**
   * The conversation again, with the model's answer and a message naming every error (field path,
   * rule, offending value) and, for a structured answer, the schema to follow.
   */
  static List<ChatMessage> conversation(List<ChatMessage> conversation, String answer, List<String> errors, OutputType<?> output,
      OutputMode mode) {
    List<ChatMessage> next = new ArrayList<>(conversation);
    next.add(AiMessage.from(answer == null || answer.isBlank() ? "(empty answer)" : answer));
    StringBuilder text = new StringBuilder("Your answer is not a valid ").append(output.typeName()).append(". ");
    text.append(errors.size() == 1 ? "Fix this error:\n" : "Fix these " + errors.size() + " errors:\n");
    for (String error : errors) {
      text.append("- ").append(error).append('\n');
    }
    if (output.jsonSchema() == null) {
      text.append("Answer again with the whole corrected answer and nothing else.");
    } else {
      text.append("Answer again with the whole corrected JSON value, not only the changed parts, and nothing else");
      if (mode == OutputMode.NATIVE) {
        text.append('.');
      } else {
        text.append(" (no Markdown fence, no comment). It must match this JSON Schema:\n").append(output.jsonSchema());
      }
    }
    next.add(UserMessage.from(text.toString()));
    return next;
  }
}
