package dev.prompt4j.provider;

import java.util.regex.Pattern;

/** Normalises configured base URLs to what the langchain4j clients expect. */
final class BaseUrls {
  private static final Pattern VERSION = Pattern.compile(".*/v\\d+(alpha|beta)?\\d*$");

  private BaseUrls() {}

  /** {@code url} without trailing slashes, or {@code null}. */
  static String strip(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }

  /** {@code url} ending with an API version segment: {@code defaultVersion} appended when it has none. */
  static String withVersion(String url, String defaultVersion) {
    String u = strip(url);
    if (u == null) {
      return null;
    }
    return VERSION.matcher(u).matches() ? u : u + "/" + defaultVersion;
  }
}
