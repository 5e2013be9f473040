package dev.prompt4j.spring.example.startup;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;

/** Twenty prompt interfaces for {@link StartupCost}: forty beans' worth of generated code. */
final class StartupPrompts {
  private StartupPrompts() {}

  enum Mood { POSITIVE, NEGATIVE }

  @Call(provider = "offline", model = "startup")
  interface Prompts01 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts02 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts03 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts04 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts05 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts06 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts07 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts08 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts09 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts10 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts11 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts12 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts13 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts14 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts15 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts16 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts17 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts18 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts19 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }

  @Call(provider = "offline", model = "startup")
  interface Prompts20 {
    @Prompt("Summarize {text}")
    String summarize(String text);

    @Prompt("Classify {text} as POSITIVE or NEGATIVE")
    Mood classify(String text);
  }
}
