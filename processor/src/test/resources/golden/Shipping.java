package com.acme;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;
import dev.prompt4j.Tool;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/** Tools: schemas of records, enums, lists, optional parameters and constraints; a dispatcher; approval. */
@Call(provider = "openai", model = "gpt-4o-mini", tools = Shipping.Tools.class)
public interface Shipping {
  enum Speed { STANDARD, EXPRESS }

  record Parcel(@NotBlank String sku, @Min(1) @Max(20) int weightKg) {}

  class Tools {
    /**
     * Quotes the price of sending parcels.
     *
     * @param parcels the parcels, one to ten
     * @param speed how fast
     * @param insuredValue the value to insure, if any
     */
    @Tool
    public double quote(@Size(min = 1, max = 10) List<Parcel> parcels, Speed speed, Optional<Double> insuredValue) {
      return parcels.size() * (speed == Speed.EXPRESS ? 12.0 : 7.5) + insuredValue.orElse(0.0) / 100;
    }

    /**
     * Books the shipment; a person approves each booking.
     *
     * @param quoteId the quote to book
     */
    @Tool(name = "book", approval = Tool.Approval.REQUIRED)
    public void bookShipment(@NotBlank String quoteId) {}
  }

  @Prompt("Ship {count} parcels to {city} as cheaply as possible.")
  Response<String> ship(int count, String city);
}
