package dev.prompt4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A call's cost and its chain's total, in the response and in its JSON. */
class ResponseCostTest {
  private static Response<String> call(String method, Cost cost, List<Response<?>> nested) {
    return Response.<String>builder().method(method).value("v").cost(cost).calls(nested).build();
  }

  @Test
  void totalCostAddsNestedCallsAndKeepsTheKnownPartOfAnUnknownTotal() throws Exception {
    Response<String> priced = call("A.child", Cost.usd(new BigDecimal("0.0004")), List.of());
    Response<String> root = call("A.root", Cost.usd(new BigDecimal("0.001")), List.of(priced));
    assertEquals(Cost.usd(new BigDecimal("0.0014")), root.totalCost());

    JsonNode json = new ObjectMapper().readTree(root.toJson());
    assertEquals(0.001, json.path("costUsd").doubleValue(), 1e-12);
    assertEquals(0.0014, json.path("totalCostUsd").doubleValue(), 1e-12);
    assertEquals(0.0004, json.path("calls").get(0).path("costUsd").doubleValue(), 1e-12);

    Response<String> unpriced = call("A.other", Cost.UNKNOWN, List.of());
    Response<String> mixed = call("A.root", Cost.usd(new BigDecimal("0.001")), List.of(priced, unpriced));
    assertFalse(mixed.totalCost().isKnown());
    assertEquals(new BigDecimal("0.0014"), mixed.totalCost().knownUsd());
    JsonNode mixedJson = new ObjectMapper().readTree(mixed.toJson());
    assertTrue(mixedJson.path("totalCostUsd").isNull(), "unknown is null, never 0");
    assertEquals(0.0014, mixedJson.path("totalCostKnownUsd").doubleValue(), 1e-12);
    assertTrue(mixedJson.path("calls").get(1).path("costUsd").isNull());
  }

  @Test
  void aResponseBuiltWithoutACostHasAnUnknownOne() {
    assertEquals(Cost.UNKNOWN, Response.<String>builder().method("A.b").build().cost());
  }
}
