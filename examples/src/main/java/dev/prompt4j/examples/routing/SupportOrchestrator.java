package dev.prompt4j.examples.routing;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Orchestrator-worker (seed 004): the orchestrator breaks a query into typed tasks (a sealed
 * interface: the compiler checks that every kind of task has a worker), workers run concurrently,
 * a synthesizer writes one reply.
 */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface SupportOrchestrator {

  /** One sub-task of a customer query. */
  sealed interface Task permits BillingInquiry, ProductReturn, StatusUpdate {}

  record BillingInquiry(@NotBlank String invoiceNumber) implements Task {}

  record ProductReturn(@NotBlank String productName, String reasonForReturn) implements Task {}

  record StatusUpdate(@NotBlank String orderId) implements Task {}

  record Tasks(@Size(min = 1) List<Task> tasks) {}

  @Prompt("""
      You are a master orchestrator. Break down this complex user query into sub-tasks:
      a BillingInquiry needs the invoice number, a ProductReturn the product name and the reason for
      the return, a StatusUpdate the order id.

      User Query:
      ---
      {complexQuery}
      ---
      """)
  Tasks orchestrate(String complexQuery);

  @Prompt("""
      You are a specialized assistant. A user has a query regarding invoice '{invoiceNumber}'.
      From the full user query provided below, extract the specific concern or question the user has voiced about this particular invoice.
      Respond with ONLY the extracted concern/question. If no specific concern is mentioned beyond a general inquiry about the invoice, state 'General inquiry regarding the invoice'.

      Full User Query:
      ---
      {originalUserQuery}
      ---
      """)
  CompletableFuture<String> extractBillingConcern(String invoiceNumber, String originalUserQuery);

  @Prompt("""
      You are a master communicator. Combine several distinct pieces of information from our support team into a single, well-formatted, and friendly email to a customer.

      Here are the points to include, based on the actions taken for their query:
      ---
      {points:list}
      ---

      Combine these points into one cohesive response. Start with a friendly greeting and end with a polite closing.
      Ensure the tone is helpful and professional.
      """)
  String synthesize(List<String> points);
}
