package dev.prompt4j.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prompt4j.ChatMessages;
import dev.prompt4j.Media;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.Response;
import dev.prompt4j.testing.Runtimes;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media placeholders through the real langchain4j clients to a local fake of each provider: the exact
 * JSON of each part kind, text and parts in template order, the size cap, and a kind a provider cannot
 * take failing before any request.
 */
class MediaWireTest extends FakeServerTest {
  private static final String KEY = "sk-test-MEDIA";
  /** The first bytes of a PNG, a WAV and a PDF: enough for the MIME type to be found from the content. */
  private static final byte[] PNG = bytes(new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D}, "IHDR-one");
  private static final byte[] PNG_2 = bytes(new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D}, "IHDR-two");
  private static final byte[] WAV = bytes(new int[] {'R', 'I', 'F', 'F', 36, 0, 0, 0, 'W', 'A', 'V', 'E'}, "fmt data");
  private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path dir;

  private static byte[] bytes(int[] head, String tail) {
    byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[head.length + t.length];
    for (int i = 0; i < head.length; i++) {
      out[i] = (byte) head[i];
    }
    System.arraycopy(t, 0, out, head.length, t.length);
    return out;
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static JsonNode json(String text) {
    try {
      return FakeProviderServer.JSON.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private Gallery gallery(String provider, Map<String, String> extra) {
    Map<String, String> s = new HashMap<>();
    s.put("prompt4j.Gallery.provider", provider);
    s.put("prompt4j.Gallery.model", "m-1");
    s.put("prompt4j.Gallery.max-tokens", "64");
    s.put("prompt4j.providers." + provider + ".base-url", server.baseUrl() + (provider.equals("openai") ? "/v1" : ""));
    s.put("prompt4j.providers." + provider + ".api-key", KEY);
    s.putAll(extra);
    return Runtimes.isolated(s).create(Gallery.class);
  }

  private Path file(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private JsonNode lastBody() {
    List<FakeProviderServer.Recorded> requests = server.requests();
    assertEquals(1, requests.size(), "one request");
    return requests.get(0).json();
  }

  @Test
  void openAiSendsImagesAudioAndPdfAsContentPartsInTemplateOrder() throws IOException {
    Response<String> look = gallery("openai", Map.of()).look(PNG, List.of(file("a.png", PNG_2), file("b", PNG)));

    JsonNode user = lastBody().path("messages").get(1);
    assertEquals("user", user.path("role").asText());
    assertEquals(json("[{'type':'text','text':'First '},"
        + "{'type':'image_url','image_url':{'url':'data:image/png;base64," + b64(PNG) + "','detail':'low'}},"
        + "{'type':'text','text':' then '},"
        + "{'type':'image_url','image_url':{'url':'data:image/png;base64," + b64(PNG_2) + "','detail':'auto'}},"
        + "{'type':'image_url','image_url':{'url':'data:image/png;base64," + b64(PNG) + "','detail':'auto'}},"
        + "{'type':'text','text':' end.'}]"), user.path("content"));

    server.clearRequests();
    gallery("openai", Map.of()).hear(Media.of(WAV, null));
    assertEquals(json("[{'type':'text','text':'Hear '},{'type':'input_audio','input_audio':{'data':'" + b64(WAV) + "','format':'wav'}},"
        + "{'type':'text','text':' now'}]"), lastBody().path("messages").get(0).path("content"));

    server.clearRequests();
    gallery("openai", Map.of()).read(file("contract.pdf", PDF));
    assertEquals(json("[{'type':'text','text':'Read '},"
        + "{'type':'file','file':{'file_data':'data:application/pdf;base64," + b64(PDF) + "','filename':'pdf_file'}},"
        + "{'type':'text','text':' please'}]"), lastBody().path("messages").get(0).path("content"));

    server.clearRequests();
    gallery("openai", Map.of()).see(URI.create("https://img.example/cat.jpg?sig=SECRET"));
    assertEquals(json("[{'type':'text','text':'See '},{'type':'image_url','image_url':{'url':'https://img.example/cat.jpg?sig=SECRET',"
        + "'detail':'auto'}}]"), lastBody().path("messages").get(0).path("content"));

    // The trace: kind, MIME type, size and SHA-256 of each part, never the bytes.
    String trace = look.toJson();
    assertFalse(trace.contains(b64(PNG)), trace);
    JsonNode media = json(trace).path("messages").get(1).path("media");
    assertEquals(3, media.size(), trace);
    assertEquals("image", media.get(0).path("kind").asText());
    assertEquals("photo", media.get(0).path("parameter").asText());
    assertEquals("image/png", media.get(0).path("mimeType").asText());
    assertEquals(PNG.length, media.get(0).path("size").asInt());
    assertEquals(sha256(PNG), media.get(0).path("sha256").asText());
    assertEquals("photos[1]", media.get(2).path("parameter").asText());
    assertEquals("First " + ChatMessages.media(look.messages().get(1)).get(0) + " then ", ChatMessages.text(look.messages().get(1))
        .substring(0, ("First " + ChatMessages.media(look.messages().get(1)).get(0) + " then ").length()));
  }

  @Test
  void anthropicSendsImageAndDocumentBlocksAndImageUrls() throws IOException {
    gallery("anthropic", Map.of()).look(PNG, List.of());
    assertEquals(json("[{'type':'text','text':'First '},"
        + "{'type':'image','source':{'type':'base64','media_type':'image/png','data':'" + b64(PNG) + "'}},"
        + "{'type':'text','text':' then '},{'type':'text','text':' end.'}]"), lastBody().path("messages").get(0).path("content"));

    server.clearRequests();
    gallery("anthropic", Map.of()).read(file("contract.pdf", PDF));
    assertEquals(json("[{'type':'text','text':'Read '},"
        + "{'type':'document','source':{'type':'base64','media_type':'application/pdf','data':'" + b64(PDF) + "'}},"
        + "{'type':'text','text':' please'}]"), lastBody().path("messages").get(0).path("content"));

    server.clearRequests();
    gallery("anthropic", Map.of()).see(URI.create("https://img.example/cat.jpg"));
    assertEquals(json("[{'type':'text','text':'See '},{'type':'image','source':{'type':'url','url':'https://img.example/cat.jpg'}}]"),
        lastBody().path("messages").get(0).path("content"));
  }

  @Test
  void geminiSendsInlineData() throws IOException {
    gallery("gemini", Map.of()).hear(Media.of(WAV, "audio/wav"));
    assertEquals(json("[{'text':'Hear '},{'inlineData':{'mimeType':'audio/wav','data':'" + b64(WAV) + "'}},{'text':' now'}]"),
        lastBody().path("contents").get(0).path("parts"));

    server.clearRequests();
    gallery("gemini", Map.of()).read(file("contract.pdf", PDF));
    assertEquals(json("[{'text':'Read '},{'inlineData':{'mimeType':'application/pdf','data':'" + b64(PDF) + "'}},{'text':' please'}]"),
        lastBody().path("contents").get(0).path("parts"));
  }

  @Test
  void ollamaSendsImagesAsDataUrlsAndRefusesAPdfBeforeAnyRequest() throws IOException {
    gallery("ollama", Map.of()).look(PNG, List.of());
    assertEquals(json("[{'type':'text','text':'First '},"
        + "{'type':'image_url','image_url':{'url':'data:image/png;base64," + b64(PNG) + "','detail':'low'}},"
        + "{'type':'text','text':' then '},{'type':'text','text':' end.'}]"), lastBody().path("messages").get(1).path("content"));

    server.clearRequests();
    Path contract = file("contract.pdf", PDF);
    Prompt4jException e = assertThrows(Prompt4jException.class, () -> gallery("ollama", Map.of()).read(contract));
    assertEquals("Gallery.read: provider 'ollama' (ollama:m-1) cannot take PDF input, and parameter doc is a PDF; providers that"
        + " can: anthropic, gemini, openai; override the call to one of them, or use a template without :pdf", e.getMessage());
    assertTrue(server.requests().isEmpty(), "no request was sent");

    // A URL Ollama cannot take is fetched only when allowed: never dropped.
    Prompt4jException url = assertThrows(Prompt4jException.class,
        () -> gallery("ollama", Map.of()).see(URI.create("https://img.example/cat.jpg")));
    assertTrue(url.getMessage().contains("parameter picture (:image) is a URL, and provider 'ollama' (ollama:m-1) cannot take an image by"
        + " URL; set prompt4j.media.fetch-urls=true"), url.getMessage());
    assertTrue(server.requests().isEmpty(), "no request was sent");
  }

  @Test
  void aUrlTheProviderCannotTakeIsFetchedWhenAllowedAndSentAsBytes() throws IOException {
    com.sun.net.httpserver.HttpServer images = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    images.createContext("/cat.png", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "image/png");
      exchange.sendResponseHeaders(200, PNG.length);
      exchange.getResponseBody().write(PNG);
      exchange.close();
    });
    images.start();
    try {
      URI cat = URI.create("http://127.0.0.1:" + images.getAddress().getPort() + "/cat.png");

      gallery("ollama", Map.of("prompt4j.media.fetch-urls", "true")).see(cat);

      JsonNode image = null;
      for (JsonNode message : lastBody().path("messages")) {
        for (JsonNode part : message.path("content")) {
          if (part.path("type").asText().equals("image_url")) {
            image = part;
          }
        }
      }
      assertTrue(image != null, "an image part was sent: " + lastBody());
      assertEquals("data:image/png;base64," + b64(PNG), image.path("image_url").path("url").asText(), "fetched and sent as bytes");
    } finally {
      images.stop(0);
    }
  }

  @Test
  void mediaAboveTheSizeCapFailsBeforeAnyRequest() throws IOException {
    Path big = file("big.png", bytes(new int[] {0x89, 'P', 'N', 'G'}, "x".repeat(200)));
    Prompt4jException e = assertThrows(Prompt4jException.class,
        () -> gallery("openai", Map.of("prompt4j.media.max-bytes", "100")).look(PNG, List.of(big)));
    assertEquals("photos[0] (:image) is 204 bytes, above the cap of prompt4j.media.max-bytes (100 bytes); send a smaller file, or raise"
        + " the cap", e.getMessage());
    assertTrue(server.requests().isEmpty(), "no request was sent");
  }

  @Test
  void theMimeTypeMustFitTheKind() {
    Prompt4jException e = assertThrows(Prompt4jException.class, () -> gallery("openai", Map.of()).look(PDF, List.of()));
    assertEquals("photo (:image) is application/pdf, not an image; pass an image, or change the placeholder's spec", e.getMessage());
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
