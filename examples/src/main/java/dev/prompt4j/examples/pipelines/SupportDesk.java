package dev.prompt4j.examples.pipelines;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;

/**
 * The conditional support flow (seed 002): classify the request, then branch; technical requests
 * go through error extraction and a knowledge-base search, and are escalated when nothing matches.
 */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface SupportDesk {

  enum RequestKind { TECHNICAL_SUPPORT, BILLING, GENERAL_INQUIRY }

  @Prompt("""
      Classify this customer request as TECHNICAL_SUPPORT, BILLING or GENERAL_INQUIRY.
      Answer with the category only.

      Request: {userInput}
      """)
  RequestKind classify(String userInput);

  @Prompt("""
      Extract the error from this support request: the product or component, the error message or
      code, and what the user was doing. One short line, no commentary.

      Request: {userInput}
      """)
  String extractErrorDetails(String userInput);

  @Prompt("""
      SYSTEM:
      You are a support engineer. Write a short, friendly reply that walks the user through the fix.

      USER:
      Request: {userInput}
      Knowledge-base article: {article}
      """)
  String formatSolution(String userInput, String article);

  @Prompt("""
      Write an escalation ticket for the second-line team: a one-line title, then the error details
      and what is known so far.

      Error details: {errorDetails}
      Original request: {userInput}
      """)
  String createEscalationTicket(String userInput, String errorDetails);

  @Prompt("""
      SYSTEM:
      You are a billing assistant. Acknowledge the concern and ask for the account number.

      USER:
      {userInput}
      """)
  String handleBilling(String userInput);

  @Prompt("""
      SYSTEM:
      You are a helpful assistant for a software company. Answer briefly.

      USER:
      {userInput}
      """)
  String handleGeneralInquiry(String userInput);
}
