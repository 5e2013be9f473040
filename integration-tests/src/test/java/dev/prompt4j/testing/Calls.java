package dev.prompt4j.testing;

import dev.langchain4j.data.message.UserMessage;
import dev.prompt4j.Response;
import dev.prompt4j.Trace;
import dev.prompt4j.test.OfflineModel;
import java.util.List;

/** What a call did, read through the public API. */
public final class Calls {
  private Calls() {}

  /**
   * The response of the one top-level prompt call {@code call} makes, whatever the method returns:
   * the provider and model it reached, the parameters sent and not sent, the prompt version.
   */
  public static Response<?> traced(Runnable call) {
    List<Response<?>> calls = Trace.capture(() -> {
      call.run();
      return null;
    }).calls();
    if (calls.size() != 1) {
      throw new AssertionError("expected one top-level call, got " + calls);
    }
    return calls.get(0);
  }

  /** A client answering {@code "<tag>: <last user message>"} that keeps its requests. */
  public static OfflineModel echo(String tag) {
    return OfflineModel.builder().whenMatches("").replyWith(request -> {
      UserMessage last = (UserMessage) request.messages().get(request.messages().size() - 1);
      return tag + ": " + last.singleText();
    }).build();
  }
}
