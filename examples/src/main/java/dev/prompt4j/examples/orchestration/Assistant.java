package dev.prompt4j.examples.orchestration;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;

/**
 * Dynamic routing (seed 001): a model reads the request and picks the workflow; plain Java follows
 * the pick. Routing chooses a path and stops; compare {@link ResearchPlanner}, which manages a
 * whole plan.
 */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface Assistant {

  enum Route { SUMMARIZE, TRANSLATE, WEB_SEARCH }

  @Prompt("""
      SYSTEM:
      You route requests to the workflow that can answer them:
      SUMMARIZE for a text to shorten, TRANSLATE for a text to put in another language,
      WEB_SEARCH for a question about facts that needs fresh sources.
      Answer with the workflow name only.

      USER:
      {request}
      """)
  Route route(String request);

  @Prompt("Summarize the text of this request in two sentences at most:\n{request}")
  String summarize(String request);

  @Prompt("Do what this request asks: translate its text into the language it names. Answer with the translation only.\n{request}")
  String translate(String request);

  @Prompt("""
      Answer the question using only these search results, and cite the result numbers you used.

      Question: {question}

      Search results:
      {results:list}
      """)
  String answerFromResults(String question, java.util.List<String> results);
}
