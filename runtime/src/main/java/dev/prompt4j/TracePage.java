package dev.prompt4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The trace of a call as one self-contained HTML page: a timeline of the chain (each call a bar on a
 * time axis, nested under the computed field that made it, so parallel fields overlap; retries,
 * re-asks and fallbacks marked) and, for the call clicked, its messages, answer, tokens, cost and
 * latency. Styles, script and data are inline: the page makes no network request and can be mailed
 * or attached to a ticket.
 *
 * <pre>{@code
 * Files.writeString(Path.of("trace.html"), response.toHtml());
 * }</pre>
 *
 * <p>From a saved {@link Response#toJson()}: {@code java -cp prompt4j-runtime.jar dev.prompt4j.TracePage trace.json trace.html}.
 */
public final class TracePage {
  private static final String TEMPLATE = "trace-page.html";
  private static final String SLOT = "/*TRACE_JSON*/";

  private TracePage() {}

  /**
   * The page of a trace.
   *
   * @param traceJson a {@link Response#toJson()}
   * @return the HTML
   */
  public static String html(String traceJson) {
    String template;
    try (InputStream in = TracePage.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is missing from the prompt4j-runtime jar");
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Inside <script>, "</" could close the element early and "<!--" open a comment: escape both, JSON stays the same.
    String safe = traceJson.replace("</", "<\\/").replace("<!--", "<\\!--");
    int at = template.indexOf(SLOT);
    return template.substring(0, at) + safe + template.substring(at + SLOT.length());
  }

  /**
   * Writes the page of a saved trace.
   *
   * @param args the {@code toJson()} file, and the HTML file to write (default: the JSON file's name with {@code .html})
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: java dev.prompt4j.TracePage <trace.json> [trace.html]");
      System.exit(2);
    }
    Path in = Path.of(args[0]);
    Path out = args.length == 2 ? Path.of(args[1]) : Path.of(args[0].replaceFirst("\\.json$", "") + ".html");
    Files.writeString(out, html(Files.readString(in, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    System.out.println("Wrote " + out.toAbsolutePath());
  }
}
