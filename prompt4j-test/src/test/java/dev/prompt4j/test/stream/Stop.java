package dev.prompt4j.test.stream;

import dev.prompt4j.StreamRequired;
import jakarta.validation.constraints.NotBlank;

/** An element of {@link Itinerary} and of a streamed {@code List<Stop>} answer. */
public record Stop(@StreamRequired String city, int nights, @NotBlank String note) {}
