package com.avesa.cutover.workflows.isolation;

import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.account.AccountSetupReport;
import com.avesa.cutover.workflows.account.AccountSetupWorkflow;
import com.avesa.cutover.workflows.config.MigrationConfig;
import com.avesa.cutover.workflows.cutover.CompensationRecord;
import com.avesa.cutover.workflows.cutover.CutoverChanges;
import com.avesa.cutover.workflows.cutover.CutoverInput;
import com.avesa.cutover.workflows.cutover.CutoverReport;
import com.avesa.cutover.workflows.cutover.CutoverWorkflow;
import com.avesa.cutover.workflows.cutover.Outcome;
import com.avesa.cutover.workflows.cutover.RollbackRequest;
import com.avesa.cutover.workflows.cutover.SmokeTestResult;
import com.avesa.cutover.workflows.cutover.StepRecord;
import com.avesa.cutover.workflows.decommission.ArchiveRecord;
import com.avesa.cutover.workflows.decommission.DecommissionCheckpoint;
import com.avesa.cutover.workflows.decommission.DecommissionReport;
import com.avesa.cutover.workflows.decommission.DecommissionWorkflow;
import com.avesa.cutover.workflows.gate.Approval;
import com.avesa.cutover.workflows.gate.ApprovalRecord;
import com.avesa.cutover.workflows.infra.InfrastructureReport;
import com.avesa.cutover.workflows.infra.InfrastructureWorkflow;
import com.avesa.cutover.workflows.migration.BucketReport;
import com.avesa.cutover.workflows.migration.DataMigrationWorkflow;
import com.avesa.cutover.workflows.migration.MigrationInput;
import com.avesa.cutover.workflows.migration.MigrationProgress;
import com.avesa.cutover.workflows.migration.MigrationReport;
import com.avesa.cutover.workflows.migration.Mode;
import com.avesa.cutover.workflows.migration.SecretReport;
import com.avesa.cutover.workflows.migration.TableReport;
import com.avesa.cutover.workflows.run.CutoverStep;
import com.avesa.cutover.workflows.run.MigrationStatus;
import com.avesa.cutover.workflows.run.PhaseOutcome;
import com.avesa.cutover.workflows.run.RunKind;
import com.avesa.cutover.workflows.runbook.PhaseInput;
import com.avesa.cutover.workflows.runbook.PhaseItem;
import com.avesa.cutover.workflows.runbook.PhaseProgress;
import com.avesa.cutover.workflows.smoke.SmokeTestReport;
import com.avesa.cutover.workflows.smoke.SmokeTestWorkflow;
import com.avesa.cutover.workflows.validation.PostCutoverValidationWorkflow;
import com.avesa.cutover.workflows.validation.TenantValidation;
import com.avesa.cutover.workflows.validation.ValidationInput;
import com.avesa.cutover.workflows.validation.ValidationReport;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Small stand-ins for every phase run. Each writes {@code phase} (and the migration's mode) to
 * {@link #journal}, keeps the config it was given in {@link #configs}, takes a little workflow time
 * once the execute gate is behind it, and answers like a healthy estate — unless {@link #failing}
 * names it, then it fails the way real phases do: an ApplicationFailure whose first detail is its report.
 */
final class ScriptedPhases {
  static final String CREATED_ACCOUNT = "111122223333";
  static final String CREATED_ROLE = "arn:aws:iam::111122223333:role/AVESADeploymentRole";

  static final List<String> journal = Collections.synchronizedList(new ArrayList<>());
  static final Map<String, MigrationConfig> configs = new ConcurrentHashMap<>();
  static volatile String failing;
  static volatile boolean createsAccount;
  static volatile Outcome cutoverOutcome = Outcome.CUT_OVER;
  static volatile Instant dnsSwitchedAt;
  static volatile Instant validationSince;
  /** The validation finds an unknown tenant's prefix and a tenant without its secret, and fails on them. */
  static volatile boolean validationFindings;

  private ScriptedPhases() {}

  static void reset() {
    journal.clear();
    configs.clear();
    failing = null;
    createsAccount = false;
    cutoverOutcome = Outcome.CUT_OVER;
    dnsSwitchedAt = null;
    validationSince = null;
    validationFindings = false;
  }

  static Class<?>[] types() {
    return new Class<?>[] {Account.class, Infrastructure.class, Migration.class, Smoke.class, Cutover.class,
        Validation.class, Decommission.class};
  }

  private static void record(String entry, String phase, MigrationConfig config) {
    if (!Workflow.isReplaying()) {
      journal.add(entry);
      configs.put(phase, config);
    }
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  private static String id() {
    return Workflow.getInfo().getWorkflowId();
  }

  public static class Account implements AccountSetupWorkflow {
    @Override
    public AccountSetupReport setUp(PhaseInput input) {
      record("account-setup", "account-setup", input.config());
      Instant started = now();
      boolean created = createsAccount;
      return new AccountSetupReport(id(), PhaseOutcome.SUCCEEDED,
          created ? CREATED_ACCOUNT : input.config().target().accountId(), created,
          created ? CREATED_ROLE : input.config().target().roleArn(), "arn:aws:sts::x:assumed-role/AVESADeploymentRole/s",
          List.of(new PhaseItem("iam role AVESADeploymentRole", "created"), new PhaseItem("guardduty detector", "enabled")),
          List.of(new PhaseItem("cloudtrail trail avesa-audit-trail", PhaseItem.IN_PLACE)), List.of(), List.of(),
          started, now());
    }

    @Override
    public PhaseProgress progress() {
      return null;
    }
  }

  public static class Infrastructure implements InfrastructureWorkflow {
    @Override
    public InfrastructureReport verify(PhaseInput input) {
      record("infrastructure", "infrastructure", input.config());
      Instant started = now();
      if ("infrastructure".equals(failing)) {
        InfrastructureReport report = new InfrastructureReport(id(), PhaseOutcome.FAILED, 0, "done", List.of(),
            List.of(new PhaseItem("lambda function avesa-connectwise-ingestion-prod", PhaseItem.IN_PLACE)),
            List.of("cloudformation stack AVESADataPipeline-prod (ROLLBACK_COMPLETE)"),
            List.of("cloudformation stack AVESADataPipeline-prod is ROLLBACK_COMPLETE, not *_COMPLETE"), started, now());
        throw ApplicationFailure.newNonRetryableFailure("1 thing missing in the target: cloudformation stack "
            + "AVESADataPipeline-prod (ROLLBACK_COMPLETE)", FailureType.NOT_FOUND.type(), report);
      }
      return new InfrastructureReport(id(), PhaseOutcome.SUCCEEDED, null, null, List.of(),
          List.of(new PhaseItem("cloudformation stack AVESADataPipeline-prod", "UPDATE_COMPLETE")), List.of(),
          List.of(), started, now());
    }

    @Override
    public PhaseProgress progress() {
      return null;
    }
  }

  /** PLAN finds 3 objects, 5 items and 2 secrets to copy; COPY copies them (taking ten minutes). */
  public static class Migration implements DataMigrationWorkflow {
    @Override
    public MigrationReport migrate(MigrationInput input) {
      boolean copy = input.mode() == Mode.COPY;
      String phase = copy ? "copy" : "plan";
      record(phase + " " + input.mode(), phase, input.config());
      if (copy) {
        Workflow.sleep(Duration.ofMinutes(10));
      }
      BucketReport bucket = new BucketReport("data-storage-msp", "data-storage-msp-prod", 3, 3_000, 3,
          copy ? 3 : 0, copy ? 3_000 : 0, 0, 0, copy ? 3 : 0, Map.of());
      TableReport table = new TableReport("TenantServices-prod", "TenantServices", 5, copy ? 5 : 0, copy ? 5 : 0,
          "a".repeat(64), copy ? "a".repeat(64) : "0".repeat(64));
      return new MigrationReport(id(), input.mode(), MigrationStatus.COMPLETED, copy, List.of(bucket), List.of(table),
          new SecretReport(List.of("tenant/*/prod"), 2, 2, copy ? 2 : 0, List.of("tenant/t1/prod", "tenant/t2/prod")),
          List.of(), 0, 1);
    }

    @Override
    public MigrationProgress progress() {
      return null;
    }
  }

  public static class Smoke implements SmokeTestWorkflow {
    @Override
    public SmokeTestReport test(PhaseInput input) {
      record("smoke-test", "smoke-test", input.config());
      Instant started = now();
      return new SmokeTestReport(id(), PhaseOutcome.SUCCEEDED,
          List.of(new SmokeTestResult("avesa-connectwise-ingestion-prod", 200, null, "{\"test\":true}")), List.of(),
          List.of(new PhaseItem("lambda function avesa-connectwise-ingestion-prod", "passed")), List.of(), started,
          now());
    }

    @Override
    public PhaseProgress progress() {
      return null;
    }
  }

  /**
   * Waits an hour for its gate, syncs for half an hour, switches DNS, then monitors for two hours
   * and ends with {@link #cutoverOutcome}; ROLLED_BACK comes with the compensations it ran.
   */
  public static class Cutover implements CutoverWorkflow {
    @Override
    public CutoverReport cutover(CutoverInput input) {
      record("cutover", "cutover", input.config());
      Instant gateOpened = now();
      Workflow.sleep(Duration.ofHours(1));
      Instant windowStart = now();
      ApprovalRecord approval = new ApprovalRecord("cutover", "alice", ApprovalRecord.Decision.APPROVED, "CAB-7", windowStart,
          windowStart, null);
      Workflow.sleep(Duration.ofMinutes(30));
      Instant switched = now();
      if (!Workflow.isReplaying()) {
        dnsSwitchedAt = switched;
      }
      Workflow.sleep(Duration.ofHours(2));
      Outcome outcome = cutoverOutcome;
      List<StepRecord> steps = List.of(
          new StepRecord(CutoverStep.CUTOVER_GATE, StepRecord.Status.DONE, gateOpened, windowStart, "approved by alice"),
          new StepRecord(CutoverStep.FINAL_SYNC, StepRecord.Status.DONE, windowStart, switched, "synced"),
          new StepRecord(CutoverStep.SWITCH_DNS, StepRecord.Status.DONE, switched, switched, "api.example.com → target"),
          new StepRecord(CutoverStep.ENABLE_TARGET_INGESTION, StepRecord.Status.DONE, switched.plusSeconds(5), switched.plusSeconds(6),
              "enabled"),
          new StepRecord(CutoverStep.MONITOR_ALARMS, outcome == Outcome.CUT_OVER ? StepRecord.Status.DONE : StepRecord.Status.FAILED,
              switched.plusSeconds(6), now(), outcome == Outcome.CUT_OVER ? "quiet" : "LambdaErrorAlarm-x fired"));
      List<CompensationRecord> compensations = outcome == Outcome.CUT_OVER ? List.of() : List.of(
          new CompensationRecord("disableTargetIngestion", CutoverStep.ENABLE_TARGET_INGESTION, CompensationRecord.Status.DONE, now(),
              "disabled [ConnectWiseIngestionSchedule]"),
          new CompensationRecord("restoreDns", CutoverStep.SWITCH_DNS, CompensationRecord.Status.DONE, now(), "api.example.com restored"));
      CutoverChanges changes = CutoverChanges.none().withSourceRulesDisabled(List.of("ConnectWiseIngestionSchedule"),
          windowStart).withTargetRulesEnabled(List.of("ConnectWiseIngestionSchedule"));
      return new CutoverReport(id(), RunKind.CUTOVER, input.config().name(), outcome, "DONE", outcome.name(),
          input.requestedBy(), null, 0, windowStart, windowStart.plus(Duration.ofHours(4)),
          outcome == Outcome.CUT_OVER ? null : "alarm LambdaErrorAlarm-x fired while monitoring",
          List.of(approval), steps, compensations, List.of(), changes, id() + "-final-sync", null, input.config());
    }

    @Override
    public void approve(Approval approval) {}

    @Override
    public void reject(Approval rejection) {}

    @Override
    public void rollback(RollbackRequest request) {}

    @Override
    public ApprovalRecord approveGate(Approval approval) {
      return null;
    }

    @Override
    public void validateApproval(Approval approval) {}

    @Override
    public ApprovalRecord rejectGate(Approval rejection) {
      return null;
    }

    @Override
    public void validateRejection(Approval rejection) {}

    @Override
    public String requestRollback(RollbackRequest request) {
      return null;
    }

    @Override
    public void validateRollback(RollbackRequest request) {}

    @Override
    public CutoverReport progress() {
      return null;
    }
  }

  static final String FINDING_PREFIX = "raw/departed/: keys under a tenant prefix with no tenant in TenantServices";
  static final String FINDING_SECRET = "tenant t2: secret tenant/t2/prod is missing in the target";

  public static class Validation implements PostCutoverValidationWorkflow {
    @Override
    public ValidationReport validate(ValidationInput input) {
      record("validate", "validate", input.config());
      if (!Workflow.isReplaying()) {
        validationSince = input.since();
      }
      Instant started = now();
      if ("validate".equals(failing)) {
        throw ApplicationFailure.newNonRetryableFailure("list data lake bucket data-storage-msp-prod: does not exist",
            FailureType.NOT_FOUND.type());
      }
      if (validationFindings) {
        List<String> problems = List.of(FINDING_PREFIX, FINDING_SECRET);
        ValidationReport report = new ValidationReport(id(), PhaseOutcome.FAILED, input.since(),
            "data-storage-msp-prod", 42, 5, 3, List.of(new TenantValidation("t1", 20, 3, 2, true, List.of()),
                new TenantValidation("t2", 20, 2, 1, false, List.of("secret tenant/t2/prod is missing"))),
            List.of("raw/departed/a.json", "raw/departed/b.json"), 2, List.of(), List.of(), problems, List.of(),
            started, now());
        throw ApplicationFailure.newNonRetryableFailure("tenant isolation breached: 2 problem(s); first: "
            + FINDING_PREFIX, FailureType.VERIFICATION_FAILED.type(), report);
      }
      return new ValidationReport(id(), PhaseOutcome.SUCCEEDED, input.since(), "data-storage-msp-prod", 40, 5, 3,
          List.of(new TenantValidation("t1", 20, 3, 2, true, List.of()),
              new TenantValidation("t2", 20, 2, 1, true, List.of())),
          List.of(), 0, List.of(), List.of(new PhaseItem("tenant t1", "isolated"), new PhaseItem("tenant t2",
              "isolated")), List.of(), List.of(), started, now());
    }

    @Override
    public PhaseProgress progress() {
      return null;
    }
  }

  /** Archives, waits the 30-day retention, is approved by dave, removes a rule and a table. */
  public static class Decommission implements DecommissionWorkflow {
    @Override
    public DecommissionReport decommission(PhaseInput input, DecommissionCheckpoint resume) {
      record("decommission", "decommission", input.config());
      Instant started = now();
      Instant retentionEnds = started.plus(Duration.ofDays(30));
      Workflow.sleep(Duration.ofDays(30));
      ApprovalRecord approval = new ApprovalRecord("decommission", "dave", ApprovalRecord.Decision.APPROVED, "CHG-9", now(),
          null, null);
      return new DecommissionReport(id(), PhaseOutcome.SUCCEEDED,
          List.of(new ArchiveRecord("data-storage-msp", "data-storage-msp-archive", "data-storage-msp/", "GLACIER", 3,
              3, 3_000, true)),
          retentionEnds, List.of(approval),
          List.of(new PhaseItem("s3 archive data-storage-msp-archive/data-storage-msp/", "3 objects archived"),
              new PhaseItem("source rule ConnectWiseIngestionSchedule", "removed"),
              new PhaseItem("source table TenantServices-prod", "deleted")),
          List.of(new PhaseItem("source function avesa-connectwise-ingestion-prod", "already gone")), List.of(),
          started, now());
    }

    @Override
    public void approve(Approval approval) {}

    @Override
    public void reject(Approval rejection) {}

    @Override
    public ApprovalRecord approveGate(Approval approval) {
      return null;
    }

    @Override
    public void validateApproval(Approval approval) {}

    @Override
    public ApprovalRecord rejectGate(Approval rejection) {
      return null;
    }

    @Override
    public void validateRejection(Approval rejection) {}

    @Override
    public PhaseProgress progress() {
      return null;
    }
  }
}
