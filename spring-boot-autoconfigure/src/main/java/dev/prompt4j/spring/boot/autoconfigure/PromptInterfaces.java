package dev.prompt4j.spring.boot.autoconfigure;

import dev.prompt4j.PromptRuntime;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The prompt interfaces of an application, as the Prompt4j processor indexed them in {@value #INDEX}
 * (one binary name a line, a file per compiled module), and the factory method of their beans.
 *
 * <pre>{@code
 * SortedSet<String> names = PromptInterfaces.indexed(getClass().getClassLoader());
 * }</pre>
 */
public final class PromptInterfaces {
  /** The index the processor writes into every module that declares prompt interfaces. */
  public static final String INDEX = "META-INF/prompt4j/interfaces";

  private PromptInterfaces() {}

  /**
   * The binary names of the prompt interfaces every index on {@code loader}'s class path lists, sorted.
   *
   * @param loader the class loader to read the indexes with
   * @return the interface names
   */
  public static SortedSet<String> indexed(ClassLoader loader) {
    SortedSet<String> names = new TreeSet<>();
    try {
      Enumeration<URL> indexes = loader.getResources(INDEX);
      while (indexes.hasMoreElements()) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(indexes.nextElement().openStream(), StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) { // no stream: read at start-up
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
              names.add(name);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Prompt4j index " + INDEX, e);
    }
    return names;
  }

  /**
   * The bean of prompt interface {@code type}: its generated implementation, calling models through
   * {@code runtime}. The factory method of every bean {@link PromptInterfaceRegistrar} registers; a
   * static method with plain arguments, so Spring's AOT processing writes a direct call to it.
   *
   * @param type the prompt interface
   * @param runtime the application's runtime
   * @param <T> the prompt interface
   * @return the implementation
   */
  public static <T> T create(Class<T> type, PromptRuntime runtime) {
    return runtime.create(type);
  }
}
