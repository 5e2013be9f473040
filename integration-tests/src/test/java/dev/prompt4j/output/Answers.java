package dev.prompt4j.output;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;
import dev.prompt4j.output.Types.Event;
import dev.prompt4j.output.Types.FaqList;
import dev.prompt4j.output.Types.QueryType;
import dev.prompt4j.output.Types.TrendCategory;
import java.util.List;

/** The structured prompts of the tests, one per answer type; the processor derives each schema. */
@Call(provider = "test", model = "m")
interface Answers {
  String PROMPT = "Generate exactly 10 FAQs from the sources.";
  String TEMPLATE = "SYSTEM: You write FAQs.\nUSER: " + PROMPT;

  @Prompt(TEMPLATE)
  Response<FaqList> ask();

  @Prompt(value = TEMPLATE, maxAttempts = 1)
  Response<FaqList> askOnce();

  @Prompt(value = TEMPLATE, maxAttempts = 5)
  Response<FaqList> askFive();

  @Prompt(TEMPLATE)
  Response<List<TrendCategory>> trends();

  @Prompt(TEMPLATE)
  Response<Event> event();

  @Prompt(TEMPLATE)
  Response<String> text();

  @Prompt(TEMPLATE)
  QueryType queryType();
}
