package dev.prompt4j;

import dev.langchain4j.data.message.Content;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * An image, a sound or a PDF for a media placeholder ({@code {photo:image}}, {@code {photos:images}},
 * {@code {clip:audio}}, {@code {doc:pdf}}): bytes or a URL, with its MIME type. A template placeholder
 * also takes a {@link java.nio.file.Path}, a {@code byte[]}, a {@link URI} or {@link java.net.URL}, or
 * langchain4j's {@code ImageContent}, {@code AudioContent} and {@code PdfFileContent}; use {@code Media}
 * to say the MIME type yourself. Bytes are sent as they are; a MIME type left {@code null} is detected
 * from the content when the request is built.
 *
 * <pre>{@code
 * interface Vision {
 *   @Prompt("Describe {photo:image(detail=low)} in one sentence.")
 *   String describe(Media photo);
 * }
 * vision.describe(Media.of(pngBytes, "image/png"));
 * vision.describe(Media.url(URI.create("https://example.com/cat.jpg"), null));
 * }</pre>
 */
public final class Media {
  private final byte[] bytes;
  private final URI url;
  private final String mimeType;

  private Media(byte[] bytes, URI url, String mimeType) {
    this.bytes = bytes;
    this.url = url;
    this.mimeType = mimeType == null || mimeType.isBlank() ? null : mimeType.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Media held in memory.
   *
   * @param bytes the content (copied)
   * @param mimeType such as {@code image/png}, or {@code null} to detect it from the content
   * @return the media
   */
  public static Media of(byte[] bytes, String mimeType) {
    return new Media(Objects.requireNonNull(bytes, "bytes").clone(), null, mimeType);
  }

  /**
   * Media at a URL: passed as the URL to providers that take one, otherwise fetched when {@code
   * prompt4j.media.fetch-urls=true}.
   *
   * @param url the URL
   * @param mimeType such as {@code application/pdf}, or {@code null} to guess it from the name
   * @return the media
   */
  public static Media url(URI url, String mimeType) {
    return new Media(null, Objects.requireNonNull(url, "url"), mimeType);
  }

  /**
   * The content, or {@code null} for media at a URL.
   *
   * @return a copy of the bytes, or {@code null}
   */
  public byte[] bytes() {
    return bytes == null ? null : bytes.clone();
  }

  /**
   * The URL, or {@code null} for media in memory.
   *
   * @return the URL or {@code null}
   */
  public URI url() {
    return url;
  }

  /**
   * The MIME type given, in lower case, or {@code null} when it is to be detected.
   *
   * @return the MIME type or {@code null}
   */
  public String mimeType() {
    return mimeType;
  }

  /** Never the bytes: their count and the MIME type, or the URL. */
  @Override
  public String toString() {
    return "Media[" + (bytes != null ? bytes.length + " bytes" : url) + (mimeType == null ? "" : ", " + mimeType) + "]";
  }

  /** What a media placeholder carries. */
  public enum Kind {
    /** {@code :image}, {@code :images}. */
    IMAGE,
    /** {@code :audio}. */
    AUDIO,
    /** {@code :pdf}, {@code :document}. */
    PDF;

    /**
     * The kind as the provider table and messages name it.
     *
     * @return {@code image}, {@code audio} or {@code pdf}
     */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * How a trace shows a media part: never its bytes.
   *
   * @param kind image, audio or PDF
   * @param mimeType the MIME type, or {@code null} when not known yet
   * @param size the size in bytes, or -1 when it was sent as a URL (or not loaded yet)
   * @param sha256 the SHA-256 of the bytes in hex, or {@code null} when not loaded
   * @param url the URL it was sent as (without its query, which may hold a signature), or {@code null}
   * @param parameter the template parameter it came from, such as {@code photo}
   */
  public record Summary(Kind kind, String mimeType, long size, String sha256, String url, String parameter) {
    /** Such as {@code [image photo: image/png, 67 bytes, sha256 3f2a...]}. */
    @Override
    public String toString() {
      return "[" + kind.label() + " " + parameter + ": " + (mimeType == null ? "?" : mimeType)
          + (url != null ? ", " + url : "") + (size >= 0 ? ", " + size + " bytes" : "") + (sha256 != null ? ", sha256 " + sha256 : "") + "]";
    }
  }

  /**
   * A media content part of a user message, as {@link Response#messages()} holds it; {@link
   * ChatMessages#media} reads the parts of a message.
   */
  public interface Part extends Content {
    /**
     * What the trace shows of it.
     *
     * @return kind, MIME type, size and SHA-256 (or URL)
     */
    Summary summary();
  }
}
