package dev.prompt4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptListener;
import dev.prompt4j.internal.call.CallObserver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no listener, a call costs one shared empty observer; with one, each call gets its own. */
class ListenersTest {
  private static final PromptMethod<String> CLASSIFY =
      PromptMethod.of(ListenersTest.class, "classify", CallSpec.of("openai", "gpt-4o-mini"), "c1", Outputs.text());

  @Test
  void withNoListenerEveryCallGetsTheEmptyObserver() {
    RuntimeCore core = RuntimeCore.of(new Prompt4j.Settings(Map.of(), "test", null, Map.of(), getClass().getClassLoader()));
    CallResolver resolver = new CallResolver(core.configuration, Map.of());
    assertTrue(core.listeners.isEmpty());
    assertSame(CallObserver.NONE, core.listeners.begin(CLASSIFY, resolver.resolve(CLASSIFY), null));
    assertNull(core.listeners.captureCaller(), "an async call takes nothing from its caller's thread");

    PromptListener listener = new PromptListener() {};
    RuntimeCore listened =
        RuntimeCore.of(new Prompt4j.Settings(Map.of(), "test", null, Map.of(), getClass().getClassLoader(), null, List.of(listener)));
    assertNotEquals(CallObserver.NONE, listened.listeners.begin(CLASSIFY, resolver.resolve(CLASSIFY), null));
    assertEquals(1, listened.listeners.captureCaller().length);
  }
}
