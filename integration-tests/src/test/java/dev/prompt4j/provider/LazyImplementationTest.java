package dev.prompt4j.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Prompt4j;
import dev.prompt4j.test.OfflineModel;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The processor's {@code Prompt4jLazy_<Interface>} (what a container such as Spring registers as the
 * bean until the first call): it makes its target once, on the first call, passes every call on, and
 * stays overridable like the implementation.
 */
class LazyImplementationTest {
  @Test
  void makesItsTargetOnceOnTheFirstCallAndPassesEveryCallOn() {
    OfflineModel model = OfflineModel.builder()
        .when(Greeter.class, "moodOf").reply("sunny")
        .when(Greeter.class, "describe").reply("Ada, radiant.")
        .build();
    AtomicInteger made = new AtomicInteger();
    Greeter lazy = new Prompt4jLazy_Greeter(() -> {
      made.incrementAndGet();
      return Prompt4j.override(Prompt4j.create(Greeter.class)).client(model).build();
    });
    assertEquals(0, made.get());
    assertTrue(lazy.toString().contains("made on the first call"));

    assertEquals("Ada, radiant.", lazy.describe("Ada").value());
    assertEquals("Ada, radiant.", lazy.describe("Ada").value());
    assertEquals(1, made.get());
    assertEquals("Greeter.moodOf", model.requests().get(0).method());

    Greeter overridden = Prompt4j.override(lazy).model("other").build(); // through GeneratedPrompts, passed on
    assertNotSame(lazy, overridden);
    assertEquals("Ada, radiant.", overridden.describe("Ada").value());
    assertEquals(1, made.get());
  }

  @Test
  void aFailedMakingIsTriedAgainOnTheNextCall() {
    AtomicInteger attempts = new AtomicInteger();
    Greeter lazy = new Prompt4jLazy_Greeter(() -> {
      if (attempts.incrementAndGet() == 1) {
        throw new IllegalStateException("not yet");
      }
      return Prompt4j.override(Prompt4j.create(Greeter.class))
          .client(OfflineModel.builder().when(Greeter.class, "moodOf").reply("calm").when(Greeter.class, "describe").reply("Ada.").build())
          .build();
    });
    assertThrows(IllegalStateException.class, () -> lazy.describe("Ada"));
    assertEquals("Ada.", lazy.describe("Ada").value());
    assertEquals(2, attempts.get());
  }
}
