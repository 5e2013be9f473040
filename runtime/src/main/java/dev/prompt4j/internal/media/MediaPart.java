package dev.prompt4j.internal.media;

import dev.langchain4j.data.message.AudioContent;
import dev.langchain4j.data.message.ContentType;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.PdfFileContent;
import dev.prompt4j.Media;
import dev.prompt4j.Prompt4jException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A media placeholder's value in a rendered user message, not loaded yet: a path is read, and a URL
 * passed on or fetched, only when a request is built ({@link MediaRequests#resolve}), once. What it
 * loaded is kept, so a re-ask or a fallback sends the same bytes; the trace shows its {@link
 * #summary()}, never the bytes.
 */
public final class MediaPart implements Media.Part {
  private final Media.Kind kind;
  private final String parameter;
  private final Object value;
  private final ImageContent.DetailLevel detail;
  private volatile Loaded loaded; // the bytes, once read or fetched
  private volatile Media.Summary summary;

  /** Bytes and their MIME type. */
  record Loaded(byte[] bytes, String mimeType) {}

  /**
   * @param kind the placeholder's kind
   * @param parameter the placeholder's value as the template names it, such as {@code photo} or {@code photos[1]}
   * @param value a URI, URL, Path, byte[], {@link Media} or langchain4j content of the kind (checked at compile time)
   * @param detail an image's detail level, or {@code null} for auto
   */
  MediaPart(Media.Kind kind, String parameter, Object value, ImageContent.DetailLevel detail) {
    this.kind = kind;
    this.parameter = parameter;
    this.value = value;
    this.detail = detail;
    this.summary = new Media.Summary(kind, givenMimeType(), -1, null, null, parameter);
  }

  /**
   * A part for a placeholder's value.
   *
   * @param kind {@code image}, {@code audio} or {@code pdf}
   * @param parameter what the template calls the value
   * @param value the value
   * @param detail {@code low}, {@code high}, {@code auto} or {@code null}
   * @return the part
   * @throws Prompt4jException when the value is {@code null}
   */
  public static MediaPart of(Media.Kind kind, String parameter, Object value, String detail) {
    if (value == null) {
      throw new Prompt4jException("media placeholder " + parameter + " (:" + kind.label() + ") is null; pass "
          + (kind == Media.Kind.IMAGE ? "an image" : kind == Media.Kind.AUDIO ? "a sound" : "a PDF") + ", or use another template for calls without it");
    }
    return new MediaPart(kind, parameter, value, detail == null ? null : ImageContent.DetailLevel.valueOf(detail.toUpperCase(java.util.Locale.ROOT)));
  }

  @Override
  public ContentType type() {
    return switch (kind) {
      case IMAGE -> ContentType.IMAGE;
      case AUDIO -> ContentType.AUDIO;
      case PDF -> ContentType.PDF;
    };
  }

  @Override
  public Media.Summary summary() {
    return summary;
  }

  Media.Kind kind() {
    return kind;
  }

  String parameter() {
    return parameter;
  }

  Object value() {
    return value;
  }

  /** The detail level sent with an image: as the template says, else AUTO (langchain4j's own default is LOW). */
  ImageContent.DetailLevel detail() {
    return detail == null ? ImageContent.DetailLevel.AUTO : detail;
  }

  /** The URL the value names, or {@code null} when it is bytes or a local file. */
  URI url() {
    try {
      URI url = null;
      if (value instanceof URI u) {
        url = u;
      } else if (value instanceof URL u) {
        url = u.toURI();
      } else if (value instanceof Media m) {
        url = m.url();
      } else if (value instanceof ImageContent c) {
        url = c.image().url();
      } else if (value instanceof AudioContent c) {
        url = c.audio().url();
      } else if (value instanceof PdfFileContent c) {
        url = c.pdfFile().url();
      }
      return url == null || "file".equalsIgnoreCase(url.getScheme()) ? null : url;
    } catch (URISyntaxException e) {
      throw new Prompt4jException(parameter + " is not a valid URL: " + e.getMessage(), e);
    }
  }

  /** The local file the value names, or {@code null}. */
  Path path() {
    if (value instanceof Path p) {
      return p;
    }
    URI url;
    try {
      url = value instanceof URI u ? u : value instanceof URL u ? u.toURI() : null;
    } catch (URISyntaxException e) {
      return null;
    }
    return url != null && "file".equalsIgnoreCase(url.getScheme()) ? Path.of(url) : null;
  }

  /** The MIME type the caller gave, or {@code null}. */
  String givenMimeType() {
    if (value instanceof Media m) {
      return m.mimeType();
    } else if (value instanceof ImageContent c) {
      return c.image().mimeType();
    } else if (value instanceof AudioContent c) {
      return c.audio().mimeType();
    } else if (value instanceof PdfFileContent c) {
      return c.pdfFile().mimeType();
    }
    return null;
  }

  Loaded loaded() {
    return loaded;
  }

  /** Keeps what was loaded and shows it in the trace. */
  void loaded(Loaded bytes) {
    loaded = bytes;
    summary = new Media.Summary(kind, bytes.mimeType(), bytes.bytes().length, sha256(bytes.bytes()), null, parameter);
  }

  /** Shows in the trace that it went as a URL. */
  void sentAsUrl(URI url, String mimeType) {
    String shown = url.getScheme() + "://" + (url.getRawAuthority() == null ? "" : url.getRawAuthority())
        + (url.getRawPath() == null ? "" : url.getRawPath());
    summary = new Media.Summary(kind, mimeType, -1, null, shown, parameter);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The summary: never the bytes. */
  @Override
  public String toString() {
    return summary.toString();
  }
}
