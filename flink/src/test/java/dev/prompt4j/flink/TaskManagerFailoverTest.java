package dev.prompt4j.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TaskManager lost after a checkpoint: its tasks go with it, the job restarts from the checkpoint on a
 * replacement TaskManager, and the exactly-once FileSink still holds every ticket once. The model calls made
 * again (at-least-once) are counted.
 */
class TaskManagerFailoverTest {
  static final AtomicInteger CHECKPOINTS = new AtomicInteger(); // completions seen by the subtasks
  static final AtomicBoolean RESTARTED = new AtomicBoolean();

  /** Passes lines through; counts completed checkpoints and notes whether it runs as a restarted attempt. */
  static final class Observe extends RichMapFunction<String, String> implements CheckpointListener {
    @Override
    public void open(OpenContext context) {
      if (getRuntimeContext().getTaskInfo().getAttemptNumber() > 0) {
        RESTARTED.set(true);
      }
    }

    @Override
    public String map(String line) {
      return line;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CHECKPOINTS.incrementAndGet();
    }
  }

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES) // hang guard only
  void losingATaskManagerAfterACheckpointNeitherLosesNorDuplicatesResults(@TempDir Path dir) throws Exception {
    int n = 600;
    // 2 TaskManagers × 1 slot at parallelism 2: both run tasks, so terminating either one fails the job.
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
        .setConfiguration(new Configuration()).setNumTaskManagers(2).setNumSlotsPerTaskManager(1).build());
    cluster.start();
    try (FakeOpenAi server = new FakeOpenAi(25)) {
      TestStreamEnvironment env = new TestStreamEnvironment(
          cluster, FailoverTest.restartingConfiguration(), 2, List.of(), List.of());
      env.enableCheckpointing(200);
      FailoverTest.triagePipeline(env, server, dir, n, new Observe());
      JobClient job = env.executeAsync("taskmanager-failover");

      // Lose the TaskManager mid-stream: after a quarter of the calls, a checkpoint, and some calls after it.
      awaitOrFail(() -> server.totalRequests() >= n / 4, "a quarter of the model calls");
      int checkpoints = CHECKPOINTS.get();
      awaitOrFail(() -> CHECKPOINTS.get() > checkpoints, "a checkpoint after them");
      int requestsAtCheckpoint = server.totalRequests();
      awaitOrFail(() -> server.totalRequests() >= requestsAtCheckpoint + 20, "calls after the checkpoint");
      assertEquals(JobStatus.RUNNING, job.getJobStatus().get(1, TimeUnit.MINUTES), "the job is still running when the TaskManager goes");
      int requestsAtFailure = server.totalRequests();
      cluster.terminateTaskManager(0).get(1, TimeUnit.MINUTES);
      cluster.startTaskManager(); // the replacement a resource manager (Kubernetes, YARN) would start

      job.getJobExecutionResult().get(3, TimeUnit.MINUTES);
      assertTrue(RESTARTED.get(), "the job restarted after losing a TaskManager");
      int repeated = FailoverTest.assertEveryTicketOnce(dir, n, server);
      System.out.printf("taskmanager failover: %d tickets, %d model requests (%d before the TaskManager was lost),"
          + " %d repeated by the restart (at-least-once calls)%n", n, server.totalRequests(), requestsAtFailure, repeated);
    } finally {
      cluster.closeAsync().get(1, TimeUnit.MINUTES);
    }
  }

  /** Polls every 20 ms, at most 2 minutes. */
  private static void awaitOrFail(BooleanSupplier condition, String what) throws InterruptedException {
    for (int i = 0; i < 6_000 && !condition.getAsBoolean(); i++) {
      Thread.sleep(20);
    }
    assertTrue(condition.getAsBoolean(), "timed out waiting for " + what);
  }
}
