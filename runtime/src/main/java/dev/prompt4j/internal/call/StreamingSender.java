package dev.prompt4j.internal.call;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.prompt4j.internal.stream.StreamSink;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Sends one request of a streaming call: through the provider's streaming client, each chunk handed
 * to the call's {@link StreamSink} as it arrives, and the complete response returned to the attempt
 * loop as a blocking request's would be (so parsing, validation, re-ask, retry and fallback are the
 * same as for any call). A client given by code, or a provider that does not stream, answers in one
 * chunk. Interrupting the sending thread (a cancelled stream, a call time limit) closes the HTTP
 * stream.
 */
final class StreamingSender {
  private final ModelRegistry models;

  StreamingSender(ModelRegistry models) {
    this.models = models;
  }

  ChatResponse send(CallPlan<?> plan, Target target, int attempt, ChatModel blocking, ChatRequest request, StreamSink sink, long start,
      CallObserver observer) {
    // A client given by code streams when it is also a StreamingChatModel (the offline model is).
    StreamingChatModel client = target.client() != null || models.isGiven(target.provider(), target.model())
        ? (blocking instanceof StreamingChatModel both ? both : null)
        : models.streamingClient(target.provider(), target.model());
    if (client == null) {
      ChatResponse whole = blocking.chat(request);
      String text = whole.aiMessage() == null ? null : whole.aiMessage().text();
      if (text != null && !text.isEmpty()) {
        observer.streamFirstChunk(plan, target, attempt, System.nanoTime() - start);
        sink.text(text);
      }
      observer.streamCompleted(plan, target, attempt);
      return whole;
    }
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    StreamingHandle[] handle = new StreamingHandle[1]; // set on the first chunk
    client.chat(request, new StreamingChatResponseHandler() {
      private boolean first = true;

      @Override
      public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        if (first) {
          first = false;
          handle[0] = context.streamingHandle();
          sink.onCancel(handle[0]::cancel);
          observer.streamFirstChunk(plan, target, attempt, System.nanoTime() - start);
        }
        sink.text(partial.text());
      }

      @Override
      public void onPartialThinking(PartialThinking thinking) {
        sink.reasoning(thinking.text());
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        done.complete(response);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    });
    try {
      ChatResponse response = done.get();
      observer.streamCompleted(plan, target, attempt);
      return response;
    } catch (InterruptedException e) {
      StreamingHandle open = handle[0];
      if (open != null) {
        open.cancel(); // a call time limit or a cancelled stream: close the connection
      }
      Thread.currentThread().interrupt();
      throw new CancellationException("The stream of " + target + " was cancelled");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(target + ": " + cause, cause);
    }
  }
}
