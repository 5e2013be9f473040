package dev.prompt4j.provider;

import dev.prompt4j.internal.call.RetryPolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.prompt4j.Prompt4jException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static RetryPolicy policy(double random) {
    return new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(20), d -> {}, () -> random);
  }

  @Test
  void backoffDoublesWithJitterInTheUpperHalfAndIsCapped() {
    for (int retry = 0; retry < 4; retry++) {
      long full = 500L << retry;
      assertEquals(full / 2, policy(0.0).backoff(retry).toMillis());
      assertEquals(full, policy(0.999999).backoff(retry).toMillis(), 1);
    }
    assertEquals(20_000, policy(0.999999).backoff(30).toMillis(), 1);
    assertEquals(10_000, policy(0.0).backoff(62).toMillis());
  }

  @Test
  void retryAfterReplacesTheBackoffUpToTheMaximumWait() {
    RetryPolicy policy = policy(0.5);
    RetryPolicy.Failure limited = RetryPolicy.classify(new RateLimitException(new ProviderHttpException(429, "slow down", Duration.ofSeconds(7))));
    assertTrue(limited.retriable());
    assertEquals(429, limited.statusCode());
    assertEquals(Duration.ofSeconds(7), policy.delay(limited, 0));
    RetryPolicy.Failure tooLong = RetryPolicy.classify(new ProviderHttpException(503, "later", Duration.ofMinutes(5)));
    assertNull(policy.delay(tooLong, 0), "longer than max-delay: give up on this model");
    assertEquals(Duration.ofSeconds(120), Prompt4jHttpClient.retryAfter("120"));
    assertNull(Prompt4jHttpClient.retryAfter("soon"));
    assertTrue(Prompt4jHttpClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT").isZero(), "a past date: no wait");
  }

  @Test
  void classification() {
    assertFalse(RetryPolicy.classify(new AuthenticationException(new HttpException(401, "bad key"))).retriable());
    assertFalse(RetryPolicy.classify(new HttpException(403, "forbidden")).retriable());
    assertFalse(RetryPolicy.classify(new HttpException(400, "bad request")).retriable());
    assertTrue(RetryPolicy.classify(new InternalServerException(new HttpException(500, "oops"))).retriable());
    assertTrue(RetryPolicy.classify(new HttpException(529, "overloaded")).retriable());
    assertEquals("oops", RetryPolicy.classify(new InternalServerException(new HttpException(500, "oops"))).body());
    assertFalse(RetryPolicy.classify(new Prompt4jException("No API key")).retriable());
    RetryPolicy.Failure refused = RetryPolicy.classify(new java.io.UncheckedIOException(new ConnectException("Connection refused")));
    assertTrue(refused.unreachable() && refused.retriable());
    assertTrue(RetryPolicy.classify(new dev.langchain4j.exception.TimeoutException("slow")).retriable());
    assertEquals(2, policy(0).maxRetries(ProviderSettings.empty("openai")));
    assertEquals(0, policy(0).maxRetries(new ProviderSettings("openai", null, null, null, 0)));
  }
}
