package dev.prompt4j.examples.routing;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;

/** Intent routing (seed 004): classify the query, then answer it with the prompt made for that intent. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface CustomerService {

  enum Intent { TECHNICAL_SUPPORT, BILLING_INQUIRY, GENERAL_QUESTION }

  @Prompt("""
      SYSTEM:
      You are an expert at classifying user intents.

      USER:
      Classify the user's query into one of the following categories:
      TECHNICAL_SUPPORT, BILLING_INQUIRY or GENERAL_QUESTION.
      Return only the category name and nothing else.
      User Query: "{userQuery}"
      """)
  Intent classifyIntent(String userQuery);

  @Prompt("""
      You are a helpful technical support agent.
      The user says: '{userQuery}'.
      Provide a helpful first response, asking for more details like what troubleshooting steps they have already tried.
      """)
  String technicalSupport(String userQuery);

  @Prompt("""
      You are a helpful billing support agent.
      The user says: '{userQuery}'.
      Acknowledge their concern and inform them that you will need to look up their account, asking for their account number.
      """)
  String billingInquiry(String userQuery);

  @Prompt("""
      You are a general assistant.
      The user says: '{userQuery}'.
      Apologize that you are not sure how to help and ask them to rephrase their question.
      """)
  String generalQuestion(String userQuery);

  /** The route: an exhaustive switch on the model's classification, checked by the compiler. */
  default String handle(String userQuery) {
    return switch (classifyIntent(userQuery)) {
      case TECHNICAL_SUPPORT -> technicalSupport(userQuery);
      case BILLING_INQUIRY -> billingInquiry(userQuery);
      case GENERAL_QUESTION -> generalQuestion(userQuery);
    };
  }
}
