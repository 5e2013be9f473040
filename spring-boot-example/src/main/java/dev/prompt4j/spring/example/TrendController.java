package dev.prompt4j.spring.example;

import dev.prompt4j.Attempt;
import dev.prompt4j.OutputException;
import dev.prompt4j.Response;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trend analysis chain as a REST endpoint. A request that is not valid is answered 400 by Spring;
 * a model whose answers stay invalid after Prompt4j's re-asks is answered 502 (the upstream model
 * failed) with the method, each attempt's answer and what was wrong with it.
 *
 * <p>The streaming endpoint (server-sent events) is {@link TrendStreamController}.
 */
@RestController
@RequestMapping("/trends")
class TrendController {
  record TrendRequest(@NotBlank @Size(max = 2000) String description) {}

  record TrendReport(TrendAnalysis.TrendCategory category, String analysis, String provider, String model, int modelCalls) {}

  private final TrendAnalysis trends;

  TrendController(TrendAnalysis trends) {
    this.trends = trends;
  }

  @PostMapping("/analysis")
  TrendReport analyze(@Valid @RequestBody TrendRequest request) {
    return report(trends.analyzeTrend(request.description()));
  }

  /** The report of a finished analysis, streamed or not. */
  static TrendReport report(Response<String> analysis) {
    return new TrendReport(classification(analysis), analysis.value(), analysis.provider(), analysis.model(), 1 + analysis.calls().size());
  }

  /** The category the chain computed on the way: the classify call among the analysis's nested calls. */
  private static TrendAnalysis.TrendCategory classification(Response<String> analysis) {
    return analysis.calls().stream().filter(call -> call.method().endsWith("classifyTrend"))
        .map(call -> (TrendAnalysis.TrendCategory) call.value()).findFirst().orElse(null);
  }

  @ExceptionHandler(OutputException.class)
  ProblemDetail modelAnswerNotValid(OutputException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
    problem.setTitle("The model's answer was not valid");
    problem.setProperty("method", e.method());
    List<Attempt> attempts = e.attempts();
    problem.setProperty("attempts", attempts.stream().map(a -> new AttemptReport(a.rawText(), a.errors())).toList());
    return problem;
  }

  record AttemptReport(String answer, List<String> errors) {}
}
