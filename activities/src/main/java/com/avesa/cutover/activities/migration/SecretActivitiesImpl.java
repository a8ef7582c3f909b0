package com.avesa.cutover.activities.migration;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.activities.aws.Heartbeats;
import com.avesa.cutover.activities.migration.SecretSync.Comparison;
import com.avesa.cutover.workflows.estate.Side;
import com.avesa.cutover.workflows.migration.Extras;
import com.avesa.cutover.workflows.migration.ExtrasRule;
import com.avesa.cutover.workflows.migration.SecretActivities;
import com.avesa.cutover.workflows.migration.SecretsRequest;
import com.avesa.cutover.workflows.migration.SecretsResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * Secrets Manager on the AWS SDK v2. Values go from one side to the other inside a call and
 * nowhere else: results, problems, exceptions and logs carry names and digests only. Writes are
 * spaced to stay under Secrets Manager's 50 writes per second, across all calls of this object.
 */
public class SecretActivitiesImpl implements SecretActivities {
  private static final int WRITES_PER_SECOND = 40;

  private final AwsClients clients;
  private final MigrationMetrics metrics;
  private final WriteRateLimiter writes = new WriteRateLimiter(WRITES_PER_SECOND);

  public SecretActivitiesImpl(AwsClients clients, MigrationMetrics metrics) {
    this.clients = clients;
    this.metrics = metrics;
  }

  @Override
  public SecretsResult planSecrets(SecretsRequest request) {
    SecretSync sync = sync(request);
    List<SecretListEntry> matching = matching(request);
    int toCopy = 0;
    for (SecretListEntry secret : matching) {
      if (!guarded(secret, () -> sync.compare(secret)).identical()) {
        toCopy++;
      }
    }
    return new SecretsResult(matching.size(), toCopy, 0, names(matching), List.of(), extras(request, matching, false));
  }

  @Override
  public SecretsResult copySecrets(SecretsRequest request) {
    SecretSync sync = sync(request);
    List<SecretListEntry> matching = matching(request);
    int copied = 0;
    for (SecretListEntry secret : matching) {
      Heartbeats.beat(secret.name());
      if (guarded(secret, () -> sync.copy(secret))) {
        copied++;
      }
    }
    metrics.secretsCopied(request.estate(), copied);
    Extras extras = ExtrasRule.orReportOnly(request.extras()).delete()
        ? extras(request, matching, true) : Extras.NONE;
    return new SecretsResult(matching.size(), copied, copied, names(matching), List.of(), extras);
  }

  @Override
  public SecretsResult verifySecrets(SecretsRequest request) {
    SecretSync sync = sync(request);
    List<SecretListEntry> matching = matching(request);
    List<String> problems = new ArrayList<>();
    for (SecretListEntry secret : matching) {
      Comparison comparison = guarded(secret, () -> sync.compare(secret));
      if (!comparison.identical()) {
        problems.add("secret " + secret.name() + ": " + String.join(", ", comparison.differences()));
      }
    }
    metrics.verificationFailures(request.estate(), problems.size());
    return new SecretsResult(matching.size(), problems.size(), 0, names(matching), problems,
        extras(request, matching, false));
  }

  /**
   * The other side's secrets matching the filter that this side lacks. Unless {@code delete}
   * is false or the rule is a dry run, the unprotected ones are deleted (30-day recovery window).
   * Without deletion, {@code deleted} counts what a run would delete when the rule asks for it.
   */
  private Extras extras(SecretsRequest request, List<SecretListEntry> matching, boolean delete) {
    Side toSide = request.fromSide() == Side.SOURCE ? Side.TARGET : Side.SOURCE;
    Set<String> here = new HashSet<>(names(matching));
    List<String> extras = matching(request, toSide).stream().map(SecretListEntry::name)
        .filter(name -> !here.contains(name)).toList();
    ExtrasRule rule = ExtrasRule.orReportOnly(request.extras());
    if (extras.isEmpty() || !rule.delete() || (!delete && !rule.dryRun())) {
      return new Extras(extras.size(), extras, 0, List.of());
    }
    ExtrasProtector protector = new ExtrasProtector(rule, ExtrasProtector.addedTenantsOf(clients, request.estate(), rule));
    List<String> deleting = extras.stream().filter(name -> !protector.protectsSecret(name)).toList();
    if (delete && !rule.dryRun()) {
      SecretsManagerClient to = clients.secrets(request.estate(), toSide);
      for (String name : deleting) {
        Heartbeats.beat(name);
        writes.acquire();
        try {
          to.deleteSecret(b -> b.secretId(name));
        } catch (SdkException e) {
          throw Failures.classify("delete extra secret " + name, e);
        }
      }
    }
    return new Extras(extras.size(), extras, deleting.size(), deleting);
  }

  private SecretSync sync(SecretsRequest request) {
    Side toSide = request.fromSide() == Side.SOURCE ? Side.TARGET : Side.SOURCE;
    return new SecretSync(
        clients.secrets(request.estate(), request.fromSide()), clients.secrets(request.estate(), toSide), writes);
  }

  private List<SecretListEntry> matching(SecretsRequest request) {
    return matching(request, request.fromSide());
  }

  private List<SecretListEntry> matching(SecretsRequest request, Side side) {
    SecretGlob glob = new SecretGlob(request.filter().include());
    List<SecretListEntry> result = new ArrayList<>();
    try {
      clients.secrets(request.estate(), side).listSecretsPaginator(b -> b.maxResults(100))
          .forEach(page -> page.secretList().stream().filter(s -> glob.matches(s.name())).forEach(result::add));
    } catch (SdkException e) {
      throw Failures.classify("list secrets (" + side.name().toLowerCase() + ")", e);
    }
    result.sort(Comparator.comparing(SecretListEntry::name));
    return result;
  }

  private static <T> T guarded(SecretListEntry secret, Supplier<T> work) {
    try {
      return work.get();
    } catch (SdkException e) {
      throw Failures.classify("secret " + secret.name(), e);
    }
  }

  private static List<String> names(List<SecretListEntry> secrets) {
    return secrets.stream().map(SecretListEntry::name).toList();
  }
}
