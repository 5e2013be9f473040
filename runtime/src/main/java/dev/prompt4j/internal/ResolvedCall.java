package dev.prompt4j.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.prompt4j.CallParameters;
import dev.prompt4j.provider.RequestContext;
import java.util.List;

/**
 * The effective configuration of one prompt method in one context: models to try in order, the
 * parameters, the time limits, and the prompt version that identifies template plus configuration.
 * Worked out once per method and context, so a call only reads it.
 *
 * @param targets the model, then its fallbacks
 * @param parameters call parameters after every override
 * @param promptVersion stable hash of the template and the effective configuration
 * @param limits the time limits of the method
 */
public record ResolvedCall(List<Target> targets, CallParameters parameters, String promptVersion, Invocation.Limits limits) {

  /** One model to ask, with what every request to it repeats, built once. */
  public static final class Target {
    private final String provider;
    private final String model;
    private final ChatModel client;
    private final RequestContext requestContext;
    private final boolean sendModel;
    private volatile ChatRequestParameters requestParameters;

    /**
     * @param method the prompt method asking
     * @param provider provider name
     * @param model model name
     * @param client the client given by code, or {@code null} for the provider's
     * @param sendModel whether requests name the model (a client given by code gets one only when chosen at run time)
     */
    Target(PromptMethod<?> method, String provider, String model, ChatModel client, boolean sendModel) {
      this.provider = provider;
      this.model = model;
      this.client = client;
      this.sendModel = sendModel;
      this.requestContext = new RequestContext(method.interfaceName(), method.name(), provider, model);
    }

    /** The provider name. */
    public String provider() {
      return provider;
    }

    /** The model name. */
    public String model() {
      return model;
    }

    /** The client given by code, or {@code null} for the provider's. */
    public ChatModel client() {
      return client;
    }

    /** Whether requests name {@link #model()}. */
    boolean sendModel() {
      return sendModel;
    }

    RequestContext requestContext() {
      return requestContext;
    }

    /** The request parameters for {@code parameters}, made by {@code make} on first use and then reused. */
    ChatRequestParameters requestParameters(java.util.function.Supplier<ChatRequestParameters> make) {
      ChatRequestParameters made = requestParameters;
      if (made == null) {
        requestParameters = made = make.get();
      }
      return made;
    }

    @Override
    public String toString() {
      return provider + ":" + model;
    }
  }
}
