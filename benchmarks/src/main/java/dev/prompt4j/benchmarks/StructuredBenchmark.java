package dev.prompt4j.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 2: a structured answer (a 10-field record with constraints) extracted, parsed and
 * validated, against hand-written Jackson and Bean Validation code on the same answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StructuredBenchmark {
  String input = "Ada Lovelace, 36, London, ada@example.com, pro customer";

  FixedModel model;
  ObjectMapper mapper;
  Validator validator;
  StructuredPrompts instructions;
  StructuredPrompts nativeSchema;

  @Setup
  public void setup() {
    model = new FixedModel(Customer.JSON);
    mapper = new ObjectMapper();
    validator = Validation.byProvider(HibernateValidator.class).configure()
        .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    instructions = Contexts.generated(StructuredPrompts.class, model);
    nativeSchema = Contexts.generated(StructuredPrompts.class, new FixedModel(Customer.JSON) {
      @Override
      public Set<Capability> supportedCapabilities() {
        return Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
      }
    });
    Customer expected = handWritten();
    if (!expected.equals(generatedInstructions()) || !expected.equals(generatedNative())) {
      throw new IllegalStateException("the answers differ");
    }
  }

  /** The baseline: call, read the JSON with Jackson, validate with Hibernate Validator. */
  @Benchmark
  public Customer handWritten() {
    String text = "Extract the customer described here: " + input;
    ChatResponse answer = model.chat(ChatRequest.builder().messages(UserMessage.from(text)).build());
    try {
      Customer customer = mapper.readValue(answer.aiMessage().text(), Customer.class);
      Set<ConstraintViolation<Customer>> violations = validator.validate(customer);
      if (!violations.isEmpty()) {
        throw new IllegalStateException(violations.toString());
      }
      return customer;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Generated, on a model without native schema support: the schema goes as instructions. */
  @Benchmark
  public Customer generatedInstructions() {
    return instructions.extract(input);
  }

  /** Generated, on a model that declares native JSON-schema support: the schema goes as response format. */
  @Benchmark
  public Customer generatedNative() {
    return nativeSchema.extract(input);
  }
}
