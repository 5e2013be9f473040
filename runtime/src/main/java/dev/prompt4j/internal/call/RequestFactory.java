package dev.prompt4j.internal.call;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.prompt4j.CallParameters;
import dev.prompt4j.internal.media.MediaRequests;
import dev.prompt4j.provider.ChatModelProvider;
import java.util.List;

/**
 * The one place request parameters are made: from the call's parameters, for the provider's client
 * or for a client given by code. A parameter the client cannot take is never dropped silently: it is
 * kept in {@link Parameters#unsent()}, which the response reports. Streaming and tool loops build
 * their requests here too.
 */
public final class RequestFactory {
  private static final System.Logger LOG = System.getLogger(RequestFactory.class.getName());

  private final ModelRegistry models;
  private final MediaRequests media;

  RequestFactory(ModelRegistry models) {
    this(models, MediaRequests.DEFAULTS);
  }

  RequestFactory(ModelRegistry models, MediaRequests media) {
    this.models = models;
    this.media = media;
  }

  /**
   * What {@link #parameters} sends and what it could not.
   *
   * @param request the langchain4j parameters sent with every request to the target
   * @param sent the call parameters sent
   * @param unsent the call parameters the client cannot take
   */
  public record Parameters(ChatRequestParameters request, CallParameters sent, CallParameters unsent) {}

  /**
   * A request for {@code target}.
   *
   * @param plan the call
   * @param target the model asked
   * @param conversation the messages
   * @param format the native response format, or {@code null}
   * @return the request
   */
  ChatRequest request(CallPlan<?> plan, Target target, List<ChatMessage> conversation, ResponseFormat format) {
    return request(plan, target, conversation, format, null);
  }

  /** As above, offering {@code tools} to the model (the tool loop); none when {@code null} or empty. */
  ChatRequest request(CallPlan<?> plan, Target target, List<ChatMessage> conversation, ResponseFormat format, List<ToolSpecification> tools) {
    // Media parts become the contents the provider takes (a URL, or bytes loaded once): here, as the request is built.
    ChatRequest.Builder request =
        ChatRequest.builder().messages(media.resolve(conversation, target.provider())).parameters(parameters(plan, target).request());
    if (tools != null && !tools.isEmpty()) {
      request.toolSpecifications(tools);
    }
    if (format != null) {
      request.responseFormat(format);
    }
    return request.build();
  }

  /**
   * The parameters {@code target} is sent, made on first use and then kept with the target.
   *
   * @param plan the call
   * @param target the model asked
   * @return what is sent and what is not
   */
  Parameters parameters(CallPlan<?> plan, Target target) {
    Parameters made = target.parameters();
    if (made == null) {
      made = make(plan, target);
      target.parameters(made);
      if (made.unsent().seed() != null) {
        LOG.log(System.Logger.Level.WARNING, plan.qualifiedName() + ": " + target + " cannot take a seed per request; seed "
            + made.unsent().seed() + " is not sent (Response.unsentParameters() reports it)");
      }
    }
    return made;
  }

  private Parameters make(CallPlan<?> plan, Target target) {
    CallParameters wanted = plan.parameters();
    ChatModel client = target.client();
    String model = target.sendModel() ? target.model() : null;
    if (client == null && models.isGiven(target.provider(), target.model())) {
      client = models.undecorated(target.provider(), target.model()); // given to the builder: a model name as usual
      model = target.model();
    }
    boolean seed;
    if (client == null) {
      ChatModelProvider provider = models.provider(target.provider());
      seed = provider.sendsSeed();
      CallParameters sent = seed ? wanted : withoutSeed(wanted);
      return new Parameters(provider.requestParameters(target.model(), sent), sent, unsent(wanted, seed));
    }
    seed = client.defaultRequestParameters() instanceof OpenAiChatRequestParameters;
    ChatRequestParameters request = seed
        ? OpenAiChatRequestParameters.builder()
            .modelName(model)
            .temperature(wanted.temperature())
            .maxOutputTokens(wanted.maxTokens())
            .topP(wanted.topP())
            .stopSequences(wanted.stop())
            .seed(wanted.seed() == null ? null : Math.toIntExact(wanted.seed()))
            .build()
        : DefaultChatRequestParameters.builder()
            .modelName(model)
            .temperature(wanted.temperature())
            .maxOutputTokens(wanted.maxTokens())
            .topP(wanted.topP())
            .stopSequences(wanted.stop())
            .build();
    return new Parameters(request, seed ? wanted : withoutSeed(wanted), unsent(wanted, seed));
  }

  private static CallParameters withoutSeed(CallParameters p) {
    return p.seed() == null ? p : new CallParameters(p.temperature(), p.maxTokens(), p.topP(), p.stop(), null);
  }

  private static CallParameters unsent(CallParameters p, boolean seedSent) {
    return seedSent || p.seed() == null ? CallParameters.NONE : new CallParameters(null, null, null, null, p.seed());
  }
}
