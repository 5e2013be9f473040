package dev.prompt4j.internal.media;

import dev.langchain4j.data.message.AudioContent;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.PdfFileContent;
import dev.langchain4j.data.message.UserMessage;
import dev.prompt4j.Media;
import dev.prompt4j.Prompt4jException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Turns the media parts of rendered messages into what a provider's client sends, when the request is
 * built: files read, URLs passed on where the provider takes them and otherwise fetched (only when
 * allowed), each checked against the size cap and its MIME type found from its content, then its name.
 * Before the first request of a call, {@link #check} fails a call whose provider cannot take a kind at
 * all, naming the provider, the kind and the parameter.
 *
 * @param maxBytes the largest media value sent ({@code prompt4j.media.max-bytes})
 * @param fetchUrls whether a URL the provider cannot take is fetched ({@code prompt4j.media.fetch-urls})
 * @param support what each provider takes
 */
public record MediaRequests(long maxBytes, boolean fetchUrls, MediaSupport support) {
  /** The default size cap: 20 MB, the largest image OpenAI takes. */
  public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

  /** The defaults: a 20 MB cap, URLs not fetched, the shipped table. */
  public static final MediaRequests DEFAULTS = new MediaRequests(DEFAULT_MAX_BYTES, false, MediaSupport.shipped());

  private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Before the first request of a call: fails when a provider the call may ask cannot take a kind of
   * media in {@code messages} (naming the provider, the kind and the parameter), and loads each media
   * value that some target needs as bytes: files read, bytes checked, URLs fetched when allowed.
   *
   * @param messages the rendered messages
   * @param targets each {@code provider:model} the call may ask
   * @param providers the provider of each target, in the same order
   * @param call {@code Interface.method}, for the message
   * @throws Prompt4jException when a provider cannot take a kind, or a value cannot be loaded
   */
  public void prepare(List<ChatMessage> messages, List<String> targets, List<String> providers, String call) {
    for (ChatMessage message : messages) {
      for (MediaPart part : parts(message)) {
        String kind = part.kind().label();
        boolean bytesNeeded = part.url() == null;
        for (int i = 0; i < providers.size(); i++) {
          if (!support.accepts(providers.get(i), kind)) {
            throw new Prompt4jException(call + ": provider '" + providers.get(i) + "' (" + targets.get(i) + ") cannot take "
                + (part.kind() == Media.Kind.PDF ? "PDF" : kind) + " input, and parameter " + part.parameter() + " is " + label(part.kind())
                + "; providers that can: " + support.providersTaking(kind)
                + "; override the call to one of them, or use a template without :" + kind);
          }
          if (!support.acceptsUrl(providers.get(i), kind) && !bytesNeeded) {
            if (!fetchUrls) {
              throw new Prompt4jException(call + ": parameter " + part.parameter() + " (:" + kind + ") is a URL, and provider '"
                  + providers.get(i) + "' (" + targets.get(i) + ") cannot take " + label(part.kind()) + " by URL; set"
                  + " prompt4j.media.fetch-urls=true to let Prompt4j fetch it (capped at prompt4j.media.max-bytes), or pass the"
                  + " content (a Path, byte[] or Media)");
            }
            bytesNeeded = true;
          }
        }
        if (bytesNeeded) {
          loaded(part);
        }
      }
    }
  }

  /**
   * The messages as {@code provider}'s client takes them: each media part made a langchain4j content.
   *
   * @param messages the rendered messages
   * @param provider the provider asked
   * @return the messages to send ({@code messages} itself when they hold no media)
   */
  public List<ChatMessage> resolve(List<ChatMessage> messages, String provider) {
    List<ChatMessage> out = null;
    for (int i = 0; i < messages.size(); i++) {
      ChatMessage message = messages.get(i);
      if (parts(message).isEmpty()) {
        if (out != null) {
          out.add(message);
        }
        continue;
      }
      if (out == null) {
        out = new ArrayList<>(messages.subList(0, i));
      }
      UserMessage user = (UserMessage) message;
      List<Content> contents = new ArrayList<>(user.contents().size());
      for (Content content : user.contents()) {
        contents.add(content instanceof MediaPart part ? content(part, provider) : content);
      }
      out.add(UserMessage.from(contents));
    }
    return out == null ? messages : List.copyOf(out);
  }

  private Content content(MediaPart part, String provider) {
    URI url = part.url();
    if (url != null && support.acceptsUrl(provider, part.kind().label())) {
      String mimeType = part.givenMimeType() != null ? part.givenMimeType() : MimeTypes.fromName(url.getPath());
      part.sentAsUrl(url, mimeType);
      return fromUrl(part, url);
    }
    MediaPart.Loaded loaded = loaded(part);
    String base64 = Base64.getEncoder().encodeToString(loaded.bytes());
    return switch (part.kind()) {
      case IMAGE -> ImageContent.from(base64, loaded.mimeType(), part.detail());
      case AUDIO -> AudioContent.from(base64, loaded.mimeType());
      case PDF -> PdfFileContent.from(base64, loaded.mimeType());
    };
  }

  /** The part's bytes, read or fetched on first use and then kept with the part. */
  private MediaPart.Loaded loaded(MediaPart part) {
    synchronized (part) {
      if (part.loaded() == null) {
        URI url = part.url();
        if (url != null) {
          if (!fetchUrls) {
            throw new Prompt4jException(part.parameter() + " (:" + part.kind().label() + ") is a URL that must be fetched;"
                + " set prompt4j.media.fetch-urls=true, or pass the content (a Path, byte[] or Media)");
          }
          part.loaded(checked(part, fetch(part, url), MimeTypes.fromName(url.getPath())));
        } else {
          part.loaded(load(part));
        }
      }
      return part.loaded();
    }
  }

  private static Content fromUrl(MediaPart part, URI url) {
    return switch (part.kind()) {
      case IMAGE -> ImageContent.from(url, part.detail());
      case AUDIO -> AudioContent.from(url);
      case PDF -> PdfFileContent.from(url);
    };
  }

  /** Reads a file, or takes bytes in memory, checked against the cap; the MIME type found. */
  private MediaPart.Loaded load(MediaPart part) {
    Object value = part.value();
    Path path = part.path();
    byte[] bytes;
    if (path != null) {
      try {
        long size = Files.size(path);
        if (size > maxBytes) {
          throw tooLarge(part, size);
        }
        bytes = Files.readAllBytes(path);
      } catch (IOException e) {
        throw new Prompt4jException(part.parameter() + " (:" + part.kind().label() + "): cannot read " + path + ": " + e, e);
      }
    } else if (value instanceof byte[] b) {
      bytes = b;
    } else if (value instanceof Media m) {
      bytes = m.bytes();
    } else {
      bytes = Base64.getDecoder().decode(base64(value));
    }
    return checked(part, bytes, MimeTypes.fromName(path == null ? null : path.getFileName().toString()));
  }

  private static String base64(Object content) {
    if (content instanceof ImageContent c) {
      return c.image().base64Data();
    } else if (content instanceof AudioContent c) {
      return c.audio().base64Data();
    }
    return ((PdfFileContent) content).pdfFile().base64Data();
  }

  /** Bytes under the cap, with a MIME type of the part's kind: given, else from the content, else from the name. */
  private MediaPart.Loaded checked(MediaPart part, byte[] bytes, String fromName) {
    if (bytes.length > maxBytes) {
      throw tooLarge(part, bytes.length);
    }
    String mimeType = part.givenMimeType();
    if (mimeType == null) {
      mimeType = MimeTypes.fromContent(bytes);
    }
    if (mimeType == null) {
      mimeType = fromName;
    }
    String kind = part.kind().label();
    if (mimeType == null) {
      throw new Prompt4jException(part.parameter() + " (:" + kind + "): cannot tell its MIME type from its content or name;"
          + " pass a dev.prompt4j.Media with the type, such as Media.of(bytes, \"" + example(part.kind()) + "\")");
    }
    boolean fits = part.kind() == Media.Kind.PDF ? mimeType.equals("application/pdf") : mimeType.startsWith(kind + "/");
    if (!fits) {
      throw new Prompt4jException(part.parameter() + " (:" + kind + ") is " + mimeType + ", not " + label(part.kind())
          + "; pass " + label(part.kind()) + ", or change the placeholder's spec");
    }
    return new MediaPart.Loaded(bytes, mimeType);
  }

  private byte[] fetch(MediaPart part, URI url) {
    if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
      throw new Prompt4jException(part.parameter() + " (:" + part.kind().label() + "): cannot fetch " + url.getScheme()
          + " URLs; pass the content (a Path, byte[] or Media)");
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(FETCH_TIMEOUT).GET().build();
    try {
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() / 100 != 2) {
          throw new Prompt4jException(part.parameter() + " (:" + part.kind().label() + "): fetching " + shown(url) + " answered HTTP "
              + response.statusCode());
        }
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
          throw tooLarge(part, bytes.length);
        }
        return bytes;
      }
    } catch (IOException e) {
      throw new Prompt4jException(part.parameter() + " (:" + part.kind().label() + "): cannot fetch " + shown(url) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Prompt4jException(part.parameter() + ": interrupted while fetching " + shown(url), e);
    }
  }

  private Prompt4jException tooLarge(MediaPart part, long size) {
    return new Prompt4jException(part.parameter() + " (:" + part.kind().label() + ") is " + (size > maxBytes + 1 ? size + " bytes" : "over "
        + maxBytes + " bytes") + ", above the cap of prompt4j.media.max-bytes (" + maxBytes + " bytes); send a smaller file, or raise the cap");
  }

  /** A URL without its query, which may hold a signature. */
  private static String shown(URI url) {
    return url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath();
  }

  /**
   * Whether any message carries a media part; allocates nothing for text messages.
   *
   * @param messages the messages of a call
   * @return {@code true} when {@link #prepare} has work to do
   */
  public static boolean hasMedia(List<ChatMessage> messages) {
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i) instanceof UserMessage user && !user.hasSingleText()) {
        for (Content content : user.contents()) {
          if (content instanceof MediaPart) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static List<MediaPart> parts(ChatMessage message) {
    if (!(message instanceof UserMessage user) || user.hasSingleText()) {
      return List.of();
    }
    List<MediaPart> parts = new ArrayList<>();
    for (Content content : user.contents()) {
      if (content instanceof MediaPart part) {
        parts.add(part);
      }
    }
    return parts;
  }

  private static String label(Media.Kind kind) {
    return switch (kind) {
      case IMAGE -> "an image";
      case AUDIO -> "audio";
      case PDF -> "a PDF";
    };
  }

  private static String example(Media.Kind kind) {
    return switch (kind) {
      case IMAGE -> "image/png";
      case AUDIO -> "audio/wav";
      case PDF -> "application/pdf";
    };
  }
}
