package dev.prompt4j.provider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test with a fresh {@link FakeProviderServer} for each test method. */
abstract class FakeServerTest {
  FakeProviderServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = FakeProviderServer.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }
}
