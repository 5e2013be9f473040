package dev.prompt4j.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code CREATE MODEL ... WITH ('provider' = 'prompt4j')} and {@code ML_PREDICT} over a bounded table. */
class SqlPredictTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static TableEnvironment tickets(FakeOpenAi server, String output, String prompt) {
    TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
    env.getConfig().set("parallelism.default", "2");
    env.executeSql("CREATE TEMPORARY VIEW tickets AS SELECT * FROM (VALUES "
        + "(CAST(1 AS BIGINT), 'app 1 crashes on start'), (CAST(2 AS BIGINT), 'invoice 2 charged twice'), "
        + "(CAST(3 AS BIGINT), 'reask: the first answer is invalid'), (CAST(4 AS BIGINT), 'invoice 4 sent twice')) AS t(id, text)");
    env.executeSql("CREATE MODEL triage INPUT (id BIGINT, text STRING) OUTPUT (" + output + ") WITH ("
        + "'provider' = 'prompt4j', 'prompt' = '" + prompt + "', "
        + "'prompt4j.providers.openai.base-url' = '" + server.baseUrl() + "', 'prompt4j.providers.openai.api-key' = 'test-key')");
    return env;
  }

  @Test
  void mlPredictReturnsTypedColumnsFromTheRecordAnswer() throws Exception {
    try (FakeOpenAi server = new FakeOpenAi(2)) {
      TableEnvironment env = tickets(server, "category STRING, urgency INT", "dev.prompt4j.flink.TicketTriage#classify");
      List<Row> rows = new ArrayList<>();
      try (CloseableIterator<Row> it = env.executeSql(
          "SELECT id, category, urgency FROM ML_PREDICT(TABLE tickets, MODEL triage, DESCRIPTOR(id, text))").collect()) {
        it.forEachRemaining(rows::add);
      }
      rows.sort((a, b) -> Long.compare((Long) a.getField("id"), (Long) b.getField("id")));
      assertEquals(4, rows.size(), rows.toString());
      for (Row row : rows) {
        long id = (Long) row.getField("id");
        assertEquals(id % 2 == 0 ? "BILLING" : "TECHNICAL", row.getField("category"));
        Object urgency = row.getField("urgency");
        assertTrue(urgency instanceof Integer, "INT column as Integer: " + urgency);
        assertEquals((int) (1 + id % 5), urgency);
      }
      assertEquals(2, server.requests(3), "ticket 3 was re-asked inside the model call");
    }
  }

  @Test
  void anOutputColumnTheAnswerLacksIsAnErrorWhenPlanned() throws Exception {
    try (FakeOpenAi server = new FakeOpenAi(0)) {
      TableEnvironment env = tickets(server, "category STRING, priority INT", "dev.prompt4j.flink.TicketTriage#classify");
      String error = planningError(env);
      assertTrue(error.contains("OUTPUT column priority matches no component of the answer Triage[id, category, urgency]"), error);
      assertEquals(0, server.totalRequests());
    }
  }

  @Test
  void aColumnTypeThatDoesNotFitIsAnErrorNamingTheComponent() throws Exception {
    try (FakeOpenAi server = new FakeOpenAi(0)) {
      TableEnvironment env = tickets(server, "category STRING, urgency STRING", "dev.prompt4j.flink.TicketTriage#classify");
      String error = planningError(env);
      assertTrue(error.contains("OUTPUT column urgency (STRING) does not fit component Triage.urgency of type int; declare it INT"), error);
    }
  }

  /** The messages of the planning failure of ML_PREDICT, causes included (nothing runs). */
  private static String planningError(TableEnvironment env) {
    ValidationException e = assertThrows(ValidationException.class,
        () -> env.explainSql("SELECT * FROM ML_PREDICT(TABLE tickets, MODEL triage, DESCRIPTOR(id, text))"));
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) all.append(t.getMessage()).append(" | ");
    return all.toString();
  }
}
