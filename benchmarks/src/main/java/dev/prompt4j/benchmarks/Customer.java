package dev.prompt4j.benchmarks;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Benchmark 2: a 10-field record with constraints. */
public record Customer(
    @NotBlank @Size(max = 80) String name,
    @NotBlank @Email String email,
    @Min(18) @Max(120) int age,
    @NotBlank @Pattern(regexp = "[A-Z]{2}") String country,
    @NotBlank @Size(max = 60) String city,
    @PositiveOrZero double balance,
    @NotNull Tier tier,
    @NotNull @Size(min = 1, max = 5) List<String> tags,
    boolean active,
    @NotBlank @Pattern(regexp = "\\+?[0-9 ]{7,16}") String phone) {

  public enum Tier { FREE, PRO, ENTERPRISE }

  /** The answer the model gives in the benchmark. */
  public static final String JSON =
      "{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"age\":36,\"country\":\"GB\",\"city\":\"London\","
          + "\"balance\":1234.5,\"tier\":\"PRO\",\"tags\":[\"math\",\"engines\"],\"active\":true,\"phone\":\"+44 20 7946 0000\"}";
}
