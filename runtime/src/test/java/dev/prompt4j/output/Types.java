package dev.prompt4j.output;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Answer types of the tests, with the schemas the processor derives for them. */
final class Types {
  private Types() {}

  record Faq(@NotBlank String question, @NotBlank String answer, @NotEmpty List<String> sources) {}

  record FaqList(@Size(min = 10, max = 10) List<Faq> faqs) {}

  static final String FAQ =
      "{\"type\":\"object\",\"properties\":{\"question\":{\"type\":\"string\",\"minLength\":1,\"pattern\":\"\\\\S\"},"
          + "\"answer\":{\"type\":\"string\",\"minLength\":1,\"pattern\":\"\\\\S\"},"
          + "\"sources\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"minItems\":1}},"
          + "\"required\":[\"question\",\"answer\",\"sources\"],\"additionalProperties\":false}";

  static final String FAQ_LIST =
      "{\"type\":\"object\",\"properties\":{\"faqs\":{\"type\":\"array\",\"items\":" + FAQ
          + ",\"minItems\":10,\"maxItems\":10}},\"required\":[\"faqs\"],\"additionalProperties\":false}";

  static final String LIST_OF_FAQ = "{\"type\":\"array\",\"items\":" + FAQ + "}";

  record Event(String name, LocalDate date, Optional<String> location, @Min(1) int attendees, @Email String organizer) {}

  static final String EVENT =
      "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
          + "\"date\":{\"type\":\"string\",\"format\":\"date\"},"
          + "\"location\":{\"type\":[\"string\",\"null\"]},"
          + "\"attendees\":{\"type\":\"integer\",\"minimum\":1},"
          + "\"organizer\":{\"type\":\"string\",\"format\":\"email\"}},"
          + "\"required\":[\"name\",\"date\",\"location\",\"attendees\",\"organizer\"],\"additionalProperties\":false}";

  enum TrendCategory { EMERGING, DECLINING }

  static final String TREND = "{\"type\":\"string\",\"enum\":[\"EMERGING\",\"DECLINING\"]}";

  enum QueryType { BILLING_INQUIRY, PRODUCT_RETURN, STATUS_UPDATE }

  sealed interface Task permits BillingInquiry, ProductReturn, StatusUpdate {}

  record BillingInquiry(@NotBlank String invoiceNumber) implements Task {}

  record ProductReturn(String productName, String reason) implements Task {}

  record StatusUpdate(String orderId) implements Task {}

  record Plan(@NotEmpty List<Task> tasks) {}

  static final String TASK =
      "{\"anyOf\":["
          + "{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"enum\":[\"BillingInquiry\"]},"
          + "\"invoiceNumber\":{\"type\":\"string\",\"minLength\":1,\"pattern\":\"\\\\S\"}},\"required\":[\"type\",\"invoiceNumber\"],\"additionalProperties\":false},"
          + "{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"enum\":[\"ProductReturn\"]},"
          + "\"productName\":{\"type\":\"string\"},\"reason\":{\"type\":\"string\"}},\"required\":[\"type\",\"productName\",\"reason\"],\"additionalProperties\":false},"
          + "{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"enum\":[\"StatusUpdate\"]},"
          + "\"orderId\":{\"type\":\"string\"}},\"required\":[\"type\",\"orderId\"],\"additionalProperties\":false}]}";

  static final String PLAN =
      "{\"type\":\"object\",\"properties\":{\"tasks\":{\"type\":\"array\",\"items\":" + TASK + ",\"minItems\":1}},"
          + "\"required\":[\"tasks\"],\"additionalProperties\":false}";

  /** {@code n} valid FAQs as a JSON array. */
  static String faqs(int n) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 1; i <= n; i++) {
      if (i > 1) json.append(',');
      json.append("{\"question\":\"Question ").append(i).append("?\",\"answer\":\"Answer ").append(i)
          .append(".\",\"sources\":[\"Source ").append(i).append("\"]}");
    }
    return json.append(']').toString();
  }

  static String faqList(int n) {
    return "{\"faqs\":" + faqs(n) + "}";
  }

  static final String EVENT_OK =
      "{\"name\":\"Launch\",\"date\":\"2026-12-01\",\"location\":\"Berlin\",\"attendees\":40,\"organizer\":\"ann@example.com\"}";
}
