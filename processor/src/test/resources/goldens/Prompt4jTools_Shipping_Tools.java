package com.acme;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.prompt4j.internal.output.ArgumentsReader;
import dev.prompt4j.internal.tools.ToolBox;
import dev.prompt4j.internal.tools.ToolResults;
import dev.prompt4j.internal.tools.ToolSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * The tools of {@link Shipping.Tools}: their schemas and a dispatcher that calls them without reflection.
 *
 * <p>Written by the Prompt4j annotation processor: change the class, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4jTools_Shipping_Tools implements ToolBox {
  private static final ToolSpec QUOTE = new ToolSpec(
  "quote",
  "Quotes the price of sending parcels.",
  "{\"type\":\"object\",\"properties\":{\"parcels\":{\"type\":\"array\",\"description\":\"the parcels, one to ten\",\"items\":{\"type\":\"object\",\"properties\":{\"sku\":{\"type\":\"string\",\"minLength\":1,\"pattern\":\"\\\\S\"},\"weightKg\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":20}},\"required\":[\"sku\",\"weightKg\"],\"additionalProperties\":false},\"minItems\":1,\"maxItems\":10},\"speed\":{\"type\":\"string\",\"description\":\"how fast\",\"enum\":[\"STANDARD\",\"EXPRESS\"]},\"insuredValue\":{\"type\":[\"number\",\"null\"],\"description\":\"the value to insure, if any\"}},\"required\":[\"parcels\",\"speed\",\"insuredValue\"],\"additionalProperties\":false}",
  false, false);

  private static final ArgumentsReader QUOTE_ARGUMENTS = new ArgumentsReader(QUOTE.parametersSchema(), List.of("parcels", "speed", "insuredValue"),
  new TypeReference<List<Shipping.Parcel>>() {
  },
  new TypeReference<Shipping.Speed>() {
  },
  new TypeReference<Optional<Double>>() {
  });

  private static final ToolSpec BOOK = new ToolSpec(
  "book",
  "Books the shipment; a person approves each booking.",
  "{\"type\":\"object\",\"properties\":{\"quoteId\":{\"type\":\"string\",\"description\":\"the quote to book\",\"minLength\":1,\"pattern\":\"\\\\S\"}},\"required\":[\"quoteId\"],\"additionalProperties\":false}",
  true, false);

  private static final ArgumentsReader BOOK_ARGUMENTS = new ArgumentsReader(BOOK.parametersSchema(), List.of("quoteId"),
  new TypeReference<String>() {
  });

  private static final List<ToolSpec> SPECS = List.of(QUOTE, BOOK);

  private final Shipping.Tools target;

  /**
   * Tools that call {@code target}.
   */
  public Prompt4jTools_Shipping_Tools(Shipping.Tools target) {
    this.target = Objects.requireNonNull(target, "the Tools instance is null");
  }

  @Override
  public List<ToolSpec> specs() {
    return SPECS;
  }

  @Override
  @SuppressWarnings("unchecked")
  public String call(String name, String arguments) throws Exception {
    switch (name) {
      case "quote": {
        Object[] a = QUOTE_ARGUMENTS.read(arguments);
        return ToolResults.text(target.quote((List<Shipping.Parcel>) a[0], (Shipping.Speed) a[1], (Optional<Double>) a[2]));
      }
      case "book": {
        Object[] a = BOOK_ARGUMENTS.read(arguments);
        target.bookShipment((String) a[0]);
        return ToolResults.DONE;
      }
      default: throw new IllegalArgumentException("Tools has no tool named " + name);
    }
  }
}
