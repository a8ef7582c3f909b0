package com.avesa.cutover.cli;

import com.avesa.cutover.workflows.config.BucketMapping;
import com.avesa.cutover.workflows.migration.BucketReport;
import com.avesa.cutover.workflows.migration.DataMigrationWorkflow;
import com.avesa.cutover.workflows.migration.MigrationInput;
import com.avesa.cutover.workflows.migration.MigrationProgress;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.migration.SecretReport;
import com.avesa.cutover.workflows.migration.TableReport;
import com.avesa.cutover.workflows.migration.TenantTally;
import com.avesa.cutover.workflows.run.MigrationStatus;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A test stand-in for the real workflow: its report echoes the input's mode and mappings. The
 * config's name picks a behaviour: {@code fail-*} fails carrying a report, {@code bare-fail-*}
 * fails without one, {@code slow-*} keeps running for a minute, {@code brief-*} for three seconds.
 */
public class EchoMigrationWorkflow implements DataMigrationWorkflow {
  private Mode mode;
  private String phase = "PREFLIGHT";

  @Override
  public MigrationReport migrate(MigrationInput input) {
    mode = input.mode();
    String name = input.config().name();
    String id = Workflow.getInfo().getWorkflowId();
    phase = "COPY";
    if (name.startsWith("slow-")) {
      Workflow.sleep(Duration.ofMinutes(1));
    }
    if (name.startsWith("brief-")) {
      Workflow.sleep(Duration.ofSeconds(3));
    }
    if (name.startsWith("bare-fail-")) {
      throw ApplicationFailure.newNonRetryableFailure("source bucket src-bucket does not exist", "NOT_FOUND");
    }
    if (name.startsWith("fail-")) {
      MigrationReport failed = report(input, id, MigrationStatus.FAILED, false,
          List.of("src-bucket/raw/t1/a.json: size 10 in source, 9 in target"));
      throw ApplicationFailure.newNonRetryableFailure("verification found 1 difference",
          "VERIFICATION_FAILED", failed);
    }
    phase = "DONE";
    return report(input, id, MigrationStatus.COMPLETED, input.mode() != Mode.PLAN, List.of());
  }

  @Override
  public MigrationProgress progress() {
    // Of the 3 objects listed, 2 copied and 1 found identical (checked).
    return new MigrationProgress(mode, phase, "bucket src-bucket page 1", 3, 300, 2, 120, 5, 5, 1, 1, 0, 1, 1, 0, 0);
  }

  private static MigrationReport report(MigrationInput input, String id, MigrationStatus status, boolean verified,
      List<String> problems) {
    List<BucketReport> buckets = input.config().data().buckets().stream()
        .map(b -> bucket(b, input.mode()))
        .toList();
    List<TableReport> tables = input.config().data().tables().stream()
        .map(t -> new TableReport(t.source(), t.target(), 5, input.mode().writes() ? 5 : 0, 5, "abc", "abc"))
        .toList();
    SecretReport secrets = new SecretReport(input.config().data().secrets().include(), 1, 1,
        input.mode().writes() ? 1 : 0, List.of("tenant/t1/prod"));
    return new MigrationReport(id, input.mode(), status, verified, buckets, tables, secrets, problems, 0, 1,
        input.reversed());
  }

  private static BucketReport bucket(BucketMapping mapping, Mode mode) {
    long copied = mode.writes() ? 3 : 0;
    return new BucketReport(mapping.source(), mapping.target(), 3, 3_000, 3, copied, copied * 1_000, 0, 0, copied,
        Map.of("t1", new TenantTally(2, 2_000), "t2", new TenantTally(1, 1_000)));
  }
}
