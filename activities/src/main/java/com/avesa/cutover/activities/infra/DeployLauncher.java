package com.avesa.cutover.activities.infra;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.activities.infra.DeployCommands.Allowed;
import com.avesa.cutover.workflows.FailureType;
import com.avesa.cutover.workflows.config.InfrastructureConfig.DeployCommand;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.infra.DeployRequest;
import com.avesa.cutover.workflows.infra.DeployResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Decides whether a run's deploy request may run and runs it: only a command the worker's
 * operator allows, by name; never an argv or any variable but the {@code AVESA_*} ones from
 * workflow input; always as the target's deployment role, whose session is assumed here (with
 * the ExternalId) and handed to the process only.
 */
final class DeployLauncher {
  /** The role session every deploy command acts under, as CloudTrail shows it. */
  static final String SESSION_NAME = "avesa-deploy";
  /** STS's shortest session, and the longest a chained role (or a role left at its default) allows. */
  static final Duration SHORTEST_SESSION = Duration.ofMinutes(15);
  static final Duration DEFAULT_SESSION_LIMIT = Duration.ofHours(1);
  private static final Duration SESSION_MARGIN = Duration.ofMinutes(5);

  private final AwsClients clients;
  private final DeployCommands commands;
  private final Map<String, String> workerEnvironment;
  private final DeployRun run;

  /** @param workerEnvironment the worker's own variables, of which the command gets PATH and HOME */
  DeployLauncher(AwsClients clients, DeployCommands commands, Map<String, String> workerEnvironment,
      Duration heartbeatEvery) {
    this.clients = clients;
    this.commands = commands;
    this.workerEnvironment = Map.copyOf(workerEnvironment);
    this.run = new DeployRun(heartbeatEvery, commands.source());
  }

  DeployResult launch(DeployRequest request) {
    Allowed allowed = allowedFor(request);
    AwsSessionCredentials session = deploymentSession(request, allowed);
    return run.run(allowed, DeployEnvironment.of(request, session, workerEnvironment));
  }

  /** The allowed command {@code request} names; refuses (running nothing) anything else. */
  Allowed allowedFor(DeployRequest request) {
    if (!request.command().isEmpty() || request.workdir() != null || request.timeout() != null) {
      throw refused("deploy refused: this run carries a deploy argv (infrastructure.deploy.command) from its input,"
          + " and argvs from workflow input are no longer run; ask the worker's operator to put the command in "
          + DeployCommands.VARIABLE + " under a name, set infrastructure.deploy: <name> in the config and start the"
          + " phase again");
    }
    List<String> extra = DeployEnvironment.notAllowed(request);
    if (!extra.isEmpty()) {
      throw refused("deploy refused: the request sets " + extra.size() + " environment variable(s) a run may not set"
          + " (only " + String.join(", ", DeployRequest.AVESA_VARIABLES) + ")");
    }
    String name = request.name();
    boolean wellFormed = name != null && DeployCommand.NAME.matcher(name).matches();
    String allows = commands.allowed();
    return commands.named(wellFormed ? name : null).orElseThrow(() -> refused((wellFormed
        ? "deploy command '" + name + "' is not allowed by this worker (" : "deploy refused: the run names no deploy"
        + " command this worker could allow (") + allows + "); fix infrastructure.deploy or ask the worker's operator"
        + " to add it"));
  }

  /**
   * A fresh session of the target's deployment role, lasting the command's timeout (plus a margin)
   * where the role allows, else the hour every role allows.
   */
  private AwsSessionCredentials deploymentSession(DeployRequest request, Allowed allowed) {
    if (request.estate() == null || request.estate().target() == null || blank(request.estate().target().roleArn())) {
      throw Failures.nonRetryable(FailureType.BAD_CONFIG, "deploy command " + allowed.name() + " acts as the target's"
          + " deployment role, and the run names none: set target.roleArn and target.externalId (the worker never"
          + " lends a command its own credentials)");
    }
    String role = request.estate().target().roleArn();
    Duration wanted = allowed.timeout().plus(SESSION_MARGIN);
    wanted = wanted.compareTo(SHORTEST_SESSION) < 0 ? SHORTEST_SESSION : wanted;
    try {
      try {
        return clients.assumedSession(request.estate(), Side.TARGET, SESSION_NAME, wanted);
      } catch (StsException e) {
        // A role's MaxSessionDuration (default one hour) or role chaining caps the session.
        if (wanted.compareTo(DEFAULT_SESSION_LIMIT) > 0 && e.awsErrorDetails() != null
            && "ValidationError".equals(e.awsErrorDetails().errorCode())) {
          return clients.assumedSession(request.estate(), Side.TARGET, SESSION_NAME, DEFAULT_SESSION_LIMIT);
        }
        throw e;
      }
    } catch (SdkException e) {
      throw Failures.deniedOr("assume " + role + " for deploy command " + allowed.name(), e,
          "the worker's credentials must be allowed to assume it with target.externalId");
    }
  }

  private static RuntimeException refused(String message) {
    return Failures.nonRetryable(FailureType.DEPLOY_NOT_ALLOWED, message);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
