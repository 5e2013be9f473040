package dev.prompt4j.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Compiles sources with the processor in memory and loads what came out, so tests can run generated code. */
final class Compiled extends ClassLoader {
  private final Map<String, byte[]> classes = new HashMap<>();
  private final Map<String, byte[]> resources = new HashMap<>();
  final Compilation compilation;

  private Compiled(Compilation compilation) {
    super(Compiled.class.getClassLoader());
    this.compilation = compilation;
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      byte[] bytes = read(file);
      int output = path.indexOf("/CLASS_OUTPUT/");
      String relative = output >= 0 ? path.substring(output + "/CLASS_OUTPUT/".length()) : path;
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        classes.put(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'), bytes);
      } else if (file.getKind() == JavaFileObject.Kind.OTHER) {
        resources.put(relative, bytes);
      }
    }
  }

  static JavaFileObject source(String name, String... lines) {
    return JavaFileObjects.forSourceLines(name, lines);
  }

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new Prompt4jProcessor()).compile(sources);
  }

  /** As {@link #compile}, on the test class path without the jars whose names contain {@code jar} (Reactor, say). */
  static Compilation compileWithout(String jar, JavaFileObject... sources) {
    List<java.io.File> classpath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> !entry.contains(jar)).map(java.io.File::new).toList();
    return javac().withProcessors(new Prompt4jProcessor()).withClasspath(classpath).compile(sources);
  }

  /** Loads what a successful compilation (with any processors) generated. */
  static Compiled of(Compilation compilation) {
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new AssertionError("compilation failed: " + compilation.diagnostics());
    }
    return new Compiled(compilation);
  }

  /** Compiles and fails unless the compilation succeeded. */
  static Compiled load(JavaFileObject... sources) {
    Compilation compilation = compile(sources);
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new AssertionError("compilation failed: " + compilation.diagnostics());
    }
    return new Compiled(compilation);
  }

  /** The generated implementation of interface {@code name}, answering through {@code client}. */
  Object instance(String name, dev.langchain4j.model.chat.ChatModel client) {
    Object created = dev.prompt4j.Prompt4j.builder().classLoader(this).properties(java.util.Map.of()).build().create(type(name));
    return dev.prompt4j.Prompt4j.override(created).client(client).build();
  }

  Class<?> type(String name) {
    try {
      return loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  @Override
  protected URL findResource(String name) {
    byte[] bytes = resources.get(name);
    if (bytes == null) {
      return null;
    }
    try {
      return new URL(null, "memory:/" + name, new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(URL url) {
          return new URLConnection(url) {
            @Override
            public void connect() {}

            @Override
            public InputStream getInputStream() {
              return new ByteArrayInputStream(bytes);
            }
          };
        }
      });
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL url = findResource(name);
    return Collections.enumeration(url == null ? List.of() : List.of(url));
  }

  private static byte[] read(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
