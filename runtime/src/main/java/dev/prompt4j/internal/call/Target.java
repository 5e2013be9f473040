package dev.prompt4j.internal.call;

import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.provider.RequestContext;

/**
 * One model a call may ask (the model, or one of its fallbacks), with what every request to it
 * repeats, made once per method and runtime.
 */
public final class Target {
  private final String provider;
  private final String model;
  private final ChatModel client;
  private final boolean sendModel;
  private final RequestContext requestContext;
  private volatile RequestFactory.Parameters parameters; // made on the first request
  private volatile Object price; // the ModelPrice, or NO_PRICE; looked up on the first answer
  private volatile RetryLimit retryLimit; // set by the first sender to send to this target

  /** The retries {@code sender} allows this target, worked out on its first request. */
  record RetryLimit(Object sender, int maxRetries) {}
  private static final Object NO_PRICE = new Object();

  /**
   * A target whose requests carry no prompt version.
   *
   * @param interfaceName the prompt interface's simple name
   * @param methodName the prompt method
   * @param provider provider name
   * @param model model name
   * @param client the client given by code, or {@code null} for the provider's
   * @param sendModel whether requests name the model
   */
  public Target(String interfaceName, String methodName, String provider, String model, ChatModel client, boolean sendModel) {
    this(interfaceName, methodName, provider, model, client, sendModel, null);
  }

  /**
   * @param interfaceName the prompt interface's simple name
   * @param methodName the prompt method
   * @param provider provider name
   * @param model model name
   * @param client the client given by code, or {@code null} for the provider's
   * @param sendModel whether requests name the model (a client given by code gets one only when chosen at run time)
   * @param promptVersion the prompt version of the call, or {@code null}
   */
  public Target(String interfaceName, String methodName, String provider, String model, ChatModel client, boolean sendModel,
      String promptVersion) {
    this.provider = provider;
    this.model = model;
    this.client = client;
    this.sendModel = sendModel;
    this.requestContext = new RequestContext(interfaceName, methodName, provider, model, promptVersion);
  }

  /**
   * The provider name.
   *
   * @return the provider
   */
  public String provider() {
    return provider;
  }

  /**
   * The model name.
   *
   * @return the model
   */
  public String model() {
    return model;
  }

  /**
   * The client given by code, or {@code null} for the provider's.
   *
   * @return the client or {@code null}
   */
  public ChatModel client() {
    return client;
  }

  boolean sendModel() {
    return sendModel;
  }

  RequestContext requestContext() {
    return requestContext;
  }

  RetryLimit retryLimit() {
    return retryLimit;
  }

  /** Keeps {@code limit} unless one is kept: a target sent by two senders (tests) keeps the first's. */
  void retryLimit(RetryLimit limit) {
    if (retryLimit == null) {
      retryLimit = limit;
    }
  }

  RequestFactory.Parameters parameters() {
    return parameters;
  }

  void parameters(RequestFactory.Parameters made) {
    parameters = made;
  }

  /** What {@code usage} of this model cost, its price looked up once. */
  dev.prompt4j.Cost cost(dev.prompt4j.internal.cost.PriceTable prices, dev.prompt4j.Usage usage) {
    Object p = price;
    if (p == null) {
      dev.prompt4j.ModelPrice found = prices.price(provider, model);
      price = p = found == null ? NO_PRICE : found;
    }
    return p == NO_PRICE ? prices.cost(provider, model, usage) : ((dev.prompt4j.ModelPrice) p).cost(usage);
  }

  @Override
  public String toString() {
    return provider + ":" + model;
  }
}
