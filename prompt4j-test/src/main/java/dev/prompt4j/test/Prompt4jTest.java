package dev.prompt4j.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests prompt interfaces without a key and without flakiness: calls are answered by {@link
 * PromptTestKit#stub stubs}, by an offline {@link #script() script}, or by recordings
 * ("cassettes") of a real provider's answers, made once and replayed offline.
 *
 * <pre>{@code
 * @Prompt4jTest
 * class SupportTest {
 *   @Test
 *   void routesBilling(Support support, PromptTestKit kit) {
 *     // answered from src/test/resources/prompt4j/Support/classify/<request hash>.json
 *     assertEquals(RequestKind.BILLING, support.classify("I was charged twice"));
 *     kit.calls().assertMethods("Support.classify");
 *   }
 * }
 * }</pre>
 *
 * Record with {@code mvn test -Dprompt4j.test.mode=RECORD_MISSING} (and a key), commit the files
 * under {@code src/test/resources/prompt4j}, and the test then passes offline. Test methods may take
 * a {@link PromptTestKit}, a {@link dev.prompt4j.PromptRuntime}, {@link PromptCalls} or any prompt
 * interface as parameters; instances are made by the test's runtime.
 *
 * <p>The mode is, first found: the system property {@value #MODE_PROPERTY}, the environment variable
 * {@value #MODE_VARIABLE}, {@link #mode()}. The cassette directory likewise: {@value
 * #CASSETTES_PROPERTY}, {@code PROMPT4J_TEST_CASSETTES}, {@link #cassettes()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(Prompt4jExtension.class)
public @interface Prompt4jTest {
  /** The system property that chooses the mode for every test: {@code -Dprompt4j.test.mode=RECORD_MISSING}. */
  String MODE_PROPERTY = "prompt4j.test.mode";
  /** The environment variable that chooses the mode when the system property is not set. */
  String MODE_VARIABLE = "PROMPT4J_TEST_MODE";
  /** The system property naming the cassette directory. */
  String CASSETTES_PROPERTY = "prompt4j.test.cassettes";

  /**
   * What happens to a call that no stub and no script answers.
   *
   * @return the mode unless a system property or environment variable chooses another
   */
  Mode mode() default Mode.REPLAY;

  /**
   * Where recordings are read and written, relative to the working directory (Maven runs tests in the
   * module's directory). When it does not exist, recordings are read from {@code prompt4j/} on the
   * test class path.
   *
   * @return the cassette directory
   */
  String cassettes() default PromptTestKit.DEFAULT_CASSETTES;

  /**
   * A JSON script of the {@code offline} provider on the class path ({@link OfflineModel} format) that
   * answers every call no stub answers; recordings are then not used.
   *
   * @return the class-path resource, or {@code ""} for none
   */
  String script() default "";

  /**
   * How long each stubbed, scripted or replayed answer takes, as a network call would: calls made in
   * parallel then overlap in the trace and in {@link PromptCalls}.
   *
   * @return milliseconds, 0 for none
   */
  long latencyMillis() default 0;

  /**
   * Configuration of the test's runtime as {@code key=value} pairs; when given, it replaces system
   * properties, environment variables and {@code prompt4j.properties} (see {@code
   * Prompt4j.builder().properties(...)}).
   *
   * @return the pairs, or none for the usual configuration
   */
  String[] properties() default {};

  /** How calls that no stub or script answers are answered. */
  enum Mode {
    /** From recordings only; a request without one fails, showing its difference from the nearest recording. */
    REPLAY,
    /** Every call goes to the real provider and its answer is (re)written as a recording. */
    RECORD,
    /** From recordings where one exists for the current prompt version; the missing and stale ones are recorded. */
    RECORD_MISSING,
    /** Every call goes to the real provider; nothing is read or written. */
    LIVE
  }
}
