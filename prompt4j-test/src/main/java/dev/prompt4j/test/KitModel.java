package dev.prompt4j.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.prompt4j.provider.RequestContext;
import dev.prompt4j.test.Prompt4jTest.Mode;
import dev.prompt4j.test.PromptCall.AnsweredBy;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The client a test's runtime uses for one provider and model, in front of the real one: a stub, the
 * offline script, a recording or the real client answers, by the kit's mode. Every request is logged
 * as a {@link PromptCall}.
 */
final class KitModel implements ChatModel {
  private final PromptTestKit kit;
  private final String provider;
  private final String model;
  private final Supplier<ChatModel> real;
  private volatile Set<Capability> capabilities;

  KitModel(PromptTestKit kit, String provider, String model, Supplier<ChatModel> real) {
    this.kit = kit;
    this.provider = provider;
    this.model = model;
    this.real = real;
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    RequestContext context = RequestContext.current();
    String interfaceName = context == null ? null : context.interfaceName();
    String method = context == null ? null : context.methodName();
    String version = context == null ? null : context.promptVersion();
    long start = System.nanoTime();
    AnsweredBy[] by = {AnsweredBy.NONE};
    try {
      ChatResponse response = answer(request, interfaceName, method, version, by);
      kit.log(context, provider, model, request, by[0], response.aiMessage() == null ? null : response.aiMessage().text(), null, start);
      return response;
    } catch (RuntimeException | Error e) {
      kit.log(context, provider, model, request, by[0], null, String.valueOf(e.getMessage()), start);
      throw e;
    }
  }

  private ChatResponse answer(ChatRequest request, String interfaceName, String method, String version, AnsweredBy[] by) {
    MethodStub stub = kit.stubFor(interfaceName, method);
    if (stub != null) {
      by[0] = AnsweredBy.STUB;
      kit.simulateLatency();
      return stub.respond(request, kit.nextNumber());
    }
    if (kit.script() != null) {
      by[0] = AnsweredBy.SCRIPT;
      kit.simulateLatency();
      return kit.script().chat(request);
    }
    if (kit.mode() == Mode.LIVE) {
      by[0] = AnsweredBy.PROVIDER;
      return real.get().chat(request);
    }
    kit.ledger().ran(interfaceName, method, version);
    Cassettes cassettes = kit.cassettesStore();
    JsonNode canonical = Cassettes.canonical(provider, model, request);
    String key = Cassettes.key(canonical);
    Cassettes.Recording recording = kit.mode() == Mode.RECORD ? null : cassettes.find(interfaceName, method, key);
    boolean current = recording != null && java.util.Objects.equals(recording.promptVersion(), version);
    if (recording != null && (kit.mode() == Mode.REPLAY || current)) {
      by[0] = AnsweredBy.RECORDING;
      kit.ledger().used(recording.file());
      kit.simulateLatency();
      return Cassettes.toChatResponse(recording.response(), "recording-" + key);
    }
    if (kit.mode() == Mode.REPLAY) {
      throw kit.missing(interfaceName, method, version, canonical, cassettes.folder(interfaceName, method).resolve(key + ".json"));
    }
    by[0] = AnsweredBy.PROVIDER;
    ChatModel client = real.get();
    ChatResponse response = client.chat(request);
    Path file = cassettes.write(interfaceName, method, version, key, canonical, Cassettes.response(response),
        names(client.supportedCapabilities()));
    kit.ledger().written(file);
    return response;
  }

  private static Set<String> names(Set<Capability> capabilities) {
    Set<String> names = new java.util.TreeSet<>();
    if (capabilities != null) capabilities.forEach(c -> names.add(c.name()));
    return names;
  }

  /**
   * What the client can do decides the output mode (native structured output or instructions), and so
   * the request: it must not depend on whether a key is at hand. With a script: none, as the offline
   * provider. Replaying: the capabilities recorded for this provider and model (none without
   * recordings). Recording or live: the real client's; when it cannot be built, the recorded ones.
   */
  @Override
  public Set<Capability> supportedCapabilities() {
    Set<Capability> known = capabilities;
    if (known == null) {
      known = EnumSet.noneOf(Capability.class);
      if (kit.script() == null) {
        Set<String> recorded = null;
        if (kit.mode() == Mode.REPLAY) {
          recorded = kit.cassettesStore().capabilities(provider, model);
        } else {
          try {
            Set<Capability> real = this.real.get().supportedCapabilities();
            if (real != null) known.addAll(real);
          } catch (RuntimeException cannotBuild) {
            recorded = kit.mode() == Mode.LIVE ? null : kit.cassettesStore().capabilities(provider, model);
          }
        }
        if (recorded != null) {
          for (String name : recorded) known.add(Capability.valueOf(name));
        }
      }
      capabilities = known;
    }
    return known;
  }

  @Override
  public ModelProvider provider() {
    return ModelProvider.OTHER;
  }

  @Override
  public String toString() {
    return "PromptTestKit client for " + provider + ":" + model + " (" + kit.mode() + ")";
  }
}
