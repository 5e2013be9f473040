package dev.prompt4j.examples.pipelines;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The branches of the support flow, in plain Java around {@link SupportDesk}'s prompts. */
public final class SupportFlow {
  /** A tiny knowledge base: articles by the error code they fix. */
  static final Map<String, String> KNOWLEDGE_BASE = Map.of(
      "E-1042", "E-1042 (sync token expired): sign out of the desktop app, sign in again, then press Sync now.",
      "E-2001", "E-2001 (disk full): free at least 1 GB on the data drive and restart the service.");

  private final SupportDesk desk;

  public SupportFlow(SupportDesk desk) {
    this.desk = desk;
  }

  /**
   * What the flow did with one request.
   *
   * @param kind the classification
   * @param errorDetails what was extracted (technical requests only)
   * @param article the knowledge-base article found, if any
   * @param escalated whether a ticket was written instead of a solution
   * @param response the reply or the ticket
   */
  public record Outcome(SupportDesk.RequestKind kind, String errorDetails, String article, boolean escalated, String response) {
    @Override
    public String toString() {
      return kind + (errorDetails == null ? "" : " | error: " + errorDetails) + (article == null ? "" : " | article found")
          + (escalated ? " | ESCALATED" : "") + "\n" + response;
    }
  }

  public Outcome handle(String userInput) {
    SupportDesk.RequestKind kind = desk.classify(userInput);
    return switch (kind) {
      case TECHNICAL_SUPPORT -> technical(userInput);
      case BILLING -> new Outcome(kind, null, null, false, desk.handleBilling(userInput));
      case GENERAL_INQUIRY -> new Outcome(kind, null, null, false, desk.handleGeneralInquiry(userInput));
    };
  }

  private Outcome technical(String userInput) {
    String details = desk.extractErrorDetails(userInput);
    Optional<String> article = searchKnowledgeBase(details);
    if (article.isPresent()) {
      return new Outcome(SupportDesk.RequestKind.TECHNICAL_SUPPORT, details, article.get(), false, desk.formatSolution(userInput, article.get()));
    }
    return new Outcome(SupportDesk.RequestKind.TECHNICAL_SUPPORT, details, null, true, desk.createEscalationTicket(userInput, details));
  }

  /** The article whose error code the details mention. */
  static Optional<String> searchKnowledgeBase(String errorDetails) {
    String text = errorDetails.toUpperCase(Locale.ROOT);
    return KNOWLEDGE_BASE.entrySet().stream().filter(e -> text.contains(e.getKey())).map(Map.Entry::getValue).findFirst();
  }
}
