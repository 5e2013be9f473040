package dev.prompt4j.internal.media;

import java.util.Locale;
import java.util.Map;

/** The MIME type of media: from its first bytes (magic numbers), else from its name's extension. */
final class MimeTypes {
  private static final Map<String, String> EXTENSIONS = Map.ofEntries(
      Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("heic", "image/heic"),
      Map.entry("pdf", "application/pdf"),
      // audio/mp3 rather than audio/mpeg: OpenAI takes the subtype as its format name (mp3, wav).
      Map.entry("wav", "audio/wav"), Map.entry("mp3", "audio/mp3"), Map.entry("ogg", "audio/ogg"),
      Map.entry("flac", "audio/flac"), Map.entry("m4a", "audio/mp4"), Map.entry("aac", "audio/aac"));

  private MimeTypes() {}

  /** The type the content says, or {@code null}. */
  static String fromContent(byte[] b) {
    if (starts(b, 0x89, 'P', 'N', 'G')) {
      return "image/png";
    }
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return "image/jpeg";
    }
    if (starts(b, 'G', 'I', 'F', '8')) {
      return "image/gif";
    }
    if (starts(b, '%', 'P', 'D', 'F')) {
      return "application/pdf";
    }
    if (starts(b, 'R', 'I', 'F', 'F') && b.length >= 12) {
      String form = new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
      return form.equals("WEBP") ? "image/webp" : form.equals("WAVE") ? "audio/wav" : null;
    }
    if (starts(b, 'I', 'D', '3') || (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0)) {
      return "audio/mp3";
    }
    if (starts(b, 'O', 'g', 'g', 'S')) {
      return "audio/ogg";
    }
    if (starts(b, 'f', 'L', 'a', 'C')) {
      return "audio/flac";
    }
    return null;
  }

  /** The type a file name or URL path says by its extension, or {@code null}. */
  static String fromName(String name) {
    if (name == null) {
      return null;
    }
    int dot = name.lastIndexOf('.');
    int slash = name.lastIndexOf('/');
    return dot <= slash ? null : EXTENSIONS.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static boolean starts(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
