package dev.prompt4j.internal;

import dev.prompt4j.MethodDescription;
import dev.prompt4j.internal.call.CallPlan;
import java.util.ArrayList;
import java.util.List;

/** {@link dev.prompt4j.PromptRuntime#describe}: the resolved call of each prompt method, as a call would resolve it. */
final class MethodDescriptions {
  private MethodDescriptions() {}

  static List<MethodDescription> of(Class<?> type, PromptContext context, CallResolver resolver) {
    PromptFactory<?> factory = Factories.of(type);
    factory.create(context); // initialises the generated class, whose constants are the prompt methods
    List<MethodDescription> described = new ArrayList<>();
    for (String name : factory.methods().stream().sorted().toList()) {
      PromptMethod<?> method = PromptMethod.declared(type, name);
      if (method == null) {
        continue; // declared on another interface the generated class also implements
      }
      CallResolver.ResolvedCall<?> resolved = resolver.resolve(method);
      CallPlan<?> plan = resolved.plan();
      List<String> fallbacks = new ArrayList<>();
      plan.targets().stream().skip(1).forEach(target -> fallbacks.add(target.provider() + ":" + target.model()));
      described.add(new MethodDescription(method.interfaceName(), name, plan.targets().get(0).provider(), plan.targets().get(0).model(),
          fallbacks, plan.maxAttempts(), resolved.promptVersion()));
    }
    return described;
  }
}
