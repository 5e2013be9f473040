package dev.prompt4j.spring.example;

import dev.prompt4j.OutputException;
import dev.prompt4j.PromptStream;
import dev.prompt4j.Response;
import dev.prompt4j.StreamEvent;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Flow;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The trend analysis chain streamed as server-sent events: the classification runs first (a computed
 * field), then the analysis arrives chunk by chunk as {@code text} events ({@code {"text": "..."}}),
 * a {@code restarted} event when an attempt is re-asked or retried after chunks were sent, and one
 * last event: {@code done} with the same report as {@code POST /trends/analysis}, or {@code error}
 * with what went wrong. The stream is read with back-pressure (one event at a time); when the client
 * goes away, the next write fails and the call is cancelled, so the model stops being read.
 *
 * <pre>
 * curl -N -H 'Content-Type: application/json' -d '{"description": "More enterprises adopt AI-driven automation."}' \
 *     http://localhost:8080/trends/analysis/stream
 * </pre>
 */
@RestController
@RequestMapping("/trends")
class TrendStreamController {
  private static final long TIMEOUT_MS = 120_000;

  private final TrendAnalysis trends;

  TrendStreamController(TrendAnalysis trends) {
    this.trends = trends;
  }

  @PostMapping(path = "/analysis/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(@Valid @RequestBody TrendController.TrendRequest request) {
    SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
    PromptStream<String> stream = trends.streamAnalysis(request.description());
    emitter.onTimeout(stream::cancel);
    emitter.onError(failure -> stream.cancel());
    stream.eventPublisher().subscribe(new Relay(emitter));
    return emitter;
  }

  /** Passes each event on as a server-sent event, asking for the next one only once it is written. */
  private static final class Relay implements Flow.Subscriber<StreamEvent> {
    private final SseEmitter emitter;
    private Flow.Subscription subscription;

    Relay(SseEmitter emitter) {
      this.emitter = emitter;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(StreamEvent event) {
      try {
        if (event instanceof StreamEvent.Text text) {
          emitter.send(SseEmitter.event().name("text").data(Map.of("text", text.text()), MediaType.APPLICATION_JSON));
        } else if (event instanceof StreamEvent.Restarted restarted) {
          emitter.send(SseEmitter.event().name("restarted")
              .data(Map.of("attempt", restarted.attempt(), "errors", restarted.errors()), MediaType.APPLICATION_JSON));
        } else if (event instanceof StreamEvent.Completed completed) {
          @SuppressWarnings("unchecked")
          Response<String> response = (Response<String>) completed.response();
          emitter.send(SseEmitter.event().name("done").data(TrendController.report(response), MediaType.APPLICATION_JSON));
        }
        subscription.request(1);
      } catch (IOException | IllegalStateException clientGone) {
        subscription.cancel(); // cancels the call
        emitter.completeWithError(clientGone);
      }
    }

    @Override
    public void onError(Throwable failure) {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("title", failure instanceof OutputException ? "The model's answer was not valid" : "The analysis failed");
      problem.put("type", failure.getClass().getSimpleName());
      problem.put("detail", failure.getMessage());
      try {
        emitter.send(SseEmitter.event().name("error").data(problem, MediaType.APPLICATION_JSON));
        emitter.complete();
      } catch (IOException | IllegalStateException clientGone) {
        emitter.completeWithError(clientGone);
      }
    }

    @Override
    public void onComplete() {
      emitter.complete();
    }
  }
}
