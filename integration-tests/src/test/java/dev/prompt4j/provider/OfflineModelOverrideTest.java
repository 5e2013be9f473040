package dev.prompt4j.provider;

import dev.prompt4j.test.OfflineModel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prompt4j.Prompt4j;
import dev.prompt4j.Response;
import org.junit.jupiter.api.Test;

/** The offline model scripted per method, answering a generated instance through an override. */
class OfflineModelOverrideTest {
  @Test
  void aTestKitForPromptInterfacesThroughOverride() {
    OfflineModel model = OfflineModel.builder()
        .when(Greeter.class, "moodOf").reply("sunny")
        .when(Greeter.class, "describe").reply("Ada, radiant.")
        .build();
    Greeter greeter = Prompt4j.override(Prompt4j.create(Greeter.class)).client(model).build();

    Response<String> response = greeter.describe("Ada");

    assertEquals("Ada, radiant.", response.value());
    assertEquals(2, model.requests().size());
    assertEquals("Greeter.moodOf", model.requests().get(0).method());
    assertEquals("You describe people.", model.requests("describe").get(0).systemText());
    assertEquals("Describe Ada, who is sunny.", model.requests("Greeter.describe").get(0).userText());
    // A client given by code stands in for the model: it is not sent the annotation's model name.
    assertEquals(null, model.requests("describe").get(0).parameters().modelName());
  }
}
