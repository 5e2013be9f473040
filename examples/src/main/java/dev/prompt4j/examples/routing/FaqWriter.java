package dev.prompt4j.examples.routing;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * FAQ generation as a chain (seed 004): exactly ten questions (a constraint, so nine is re-asked),
 * an answer from the sources only for each, then the sources each answer used.
 */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface FaqWriter {

  record Questions(@Size(min = 10, max = 10) List<@NotBlank String> questions) {}

  record Sources(@Size(min = 1) List<@NotBlank String> sources) {}

  @Prompt("""
      SYSTEM:
      You are a helpful assistant that generates questions based on text.

      USER:
      Based on the content below, generate a list of 10 relevant and distinct questions that a user might have.

      Provided Content:
      ---
      {content}
      ---
      """)
  Questions generateQuestions(String content);

  @Prompt("""
      SYSTEM:
      You answer questions based *only* on the provided context.

      USER:
      Using ONLY the provided content below, answer the following question.
      The answer should be concise and directly address the question.

      Question:
      "{question}"

      Provided Content:
      ---
      {content}
      ---
      """)
  String answerQuestion(String question, String content);

  @Prompt("""
      SYSTEM:
      You are an expert at identifying document sources for a given text.

      USER:
      You will be given a question and an answer that was generated from a set of documents.
      Your task is to identify which of the original documents were used to create the answer:
      give the titles of the relevant documents.

      Question: "{question}"
      Answer: "{answer}"

      Documents:
      ---
      {content}
      ---
      """)
  Sources findSources(String question, String answer, String content);
}
