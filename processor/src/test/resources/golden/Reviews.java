package com.acme;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;

@Call(provider = "openai", model = "gpt-4o-mini")
public interface Reviews {
  @Prompt("Which expert should review this code? Answer with a role only. {code}")
  String pickExpert(String code);

  @Prompt("""
      SYSTEM: You are {expert}.
      USER: Review this code:
      {code}
      """)
  String review(String code);

  @Prompt("""
      SYSTEM: You are {expert}.
      USER: Suggest tests for:
      {code}
      """)
  String suggestTests(String code);

  @ComputedField
  default String expert(String code) {
    return pickExpert(code);
  }
}
