package dev.prompt4j.examples.pipelines;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The code-review chain (seed 002): extract the changes, check correctness (which needs the changes),
 * performance and security (which need only the new code), then write the summary. The processor
 * reads the dependencies from the fields' parameters: performance and security run alongside the
 * extraction, correctness right after it, the summary last.
 */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface CodeReviewer {

  enum Severity { NONE, LOW, MEDIUM, HIGH }

  record ChangeSummary(@Size(min = 1) List<String> files, List<String> functions, @NotBlank String summary) {}

  record CorrectnessCheck(List<String> errors, List<String> edgeCases, List<String> bugs) {}

  record PerformanceCheck(List<String> issues, List<String> suggestions) {}

  record SecurityCheck(List<String> vulnerabilities, @NotNull Severity severity) {}

  @Prompt("""
      Analyze this code diff and extract the files changed, the functions added or modified, and a
      summary of the key changes.

      Diff:
      {diff}
      """)
  ChangeSummary extractChanges(String diff);

  @Prompt("""
      Review these code changes for correctness: {changeSummary.summary}

      Original code:
      {originalCode}

      New code:
      {newCode}

      Identify logical errors, edge cases not handled, and potential bugs.
      """)
  CorrectnessCheck checkCorrectness(ChangeSummary changeSummary, String originalCode, String newCode);

  @Prompt("""
      Analyze the performance implications of this code: inefficient algorithms, unnecessary loops or
      operations, memory inefficiencies.

      {newCode}
      """)
  PerformanceCheck checkPerformance(String newCode);

  @Prompt("""
      Security review of this code: SQL injection, XSS, authentication or authorization issues,
      sensitive data exposure. Rate the overall severity.

      {newCode}
      """)
  SecurityCheck checkSecurity(String newCode);

  @Prompt("""
      Generate a code review summary based on these analyses.

      Changes: {changes.summary} (files: {changes.files})
      Correctness: errors {correctness.errors}, edge cases {correctness.edgeCases}, bugs {correctness.bugs}
      Performance: issues {performance.issues}, suggestions {performance.suggestions}
      Security: {security.vulnerabilities}, severity {security.severity}

      Provide:
      1. Overall verdict (APPROVE/REQUEST_CHANGES/REJECT)
      2. Critical issues (must fix)
      3. Suggestions (nice to have)
      4. Positive aspects
      Keep it professional and constructive.
      """)
  Response<String> review(String diff, String originalCode, String newCode);

  @ComputedField
  default ChangeSummary changes(String diff) {
    return extractChanges(diff);
  }

  @ComputedField
  default CorrectnessCheck correctness(ChangeSummary changes, String originalCode, String newCode) {
    return checkCorrectness(changes, originalCode, newCode);
  }

  @ComputedField
  default PerformanceCheck performance(String newCode) {
    return checkPerformance(newCode);
  }

  @ComputedField
  default SecurityCheck security(String newCode) {
    return checkSecurity(newCode);
  }
}
