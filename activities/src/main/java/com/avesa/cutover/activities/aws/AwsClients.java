package com.avesa.cutover.activities.aws;

import com.avesa.cutover.workflows.estate.AccountConfig;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds the AWS clients activities use, once per (service, region, endpoint, account config),
 * over one shared Apache HTTP client. Source credentials come from the account's profile or the
 * default chain; when the account names a role, those credentials assume it with the ExternalId
 * (auto-refreshing, session name {@value #SESSION_NAME}). With an emulator endpoint every client
 * talks to it (S3 path-style), and an account without a profile falls back to static emulator
 * credentials when the default chain has none. Route53 is global: its clients use {@code aws-global}
 * whatever the estate's region. CloudWatch clients for an emulator send its CBOR calls as JSON
 * ({@link RpcV2CborAsJson}). Lambda clients have an HTTP client of their own whose socket
 * timeout outlasts the longest synchronous invocation (15 minutes).
 *
 * <p>Thread-safe. Built once in the worker's {@code main} and handed to activity constructors.
 */
public final class AwsClients implements AutoCloseable {
  /** The role session name every assumed-role session carries. */
  public static final String SESSION_NAME = "avesa-cutover";

  static final String EMULATOR_KEY = "testing";
  private static final int MAX_CONNECTIONS = 256;
  private static final int MAX_INVOKE_CONNECTIONS = 16;
  private static final Duration LONGEST_INVOCATION = Duration.ofMinutes(15).plusSeconds(30);
  // A page is hundreds of calls and one failed call fails the whole page, so each call rides out
  // bursts of 5xx, throttling and resets itself: at a 20% failure rate the SDK's default 3-4
  // attempts lose one call in 125-625 (FaultInjectionTest failed on it), 10 attempts one in 10 million.
  static final int MAX_ATTEMPTS = 10;

  private final SdkHttpClient http;
  private final SdkHttpClient invokeHttp;
  private final ExecutionInterceptor s3Interceptor;
  private final Map<ClientKey, SdkAutoCloseable> clients = new ConcurrentHashMap<>();
  private final Map<AccountKey, AwsCredentialsProvider> credentials = new ConcurrentHashMap<>();
  private final Map<AccountKey, StsClient> baseStsClients = new ConcurrentHashMap<>();

  public AwsClients() {
    this(null);
  }

  /** With {@code s3Interceptor} (null: none) on every S3 client: tests count and inspect S3 requests. */
  public AwsClients(ExecutionInterceptor s3Interceptor) {
    this.http = ApacheHttpClient.builder().maxConnections(MAX_CONNECTIONS).build();
    this.invokeHttp = ApacheHttpClient.builder()
        .maxConnections(MAX_INVOKE_CONNECTIONS).socketTimeout(LONGEST_INVOCATION).build();
    this.s3Interceptor = s3Interceptor;
  }

  public S3Client s3(Estate estate, Side side) {
    return client("s3", estate, side, account -> {
      S3ClientBuilder builder = S3Client.builder().forcePathStyle(account.endpoint != null)
          // No CRC32 of every uploaded body nor of every downloaded one (SDK >= 2.30 defaults): calls
          // that ask for a checksum (multipart parts, ArchivePages' SHA-256) still get it.
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
      if (s3Interceptor != null) {
        builder.overrideConfiguration(c -> c.addExecutionInterceptor(s3Interceptor));
      }
      return configure(builder, account);
    });
  }

  public DynamoDbClient dynamoDb(Estate estate, Side side) {
    return client("dynamodb", estate, side, account -> configure(DynamoDbClient.builder(), account));
  }

  public SecretsManagerClient secrets(Estate estate, Side side) {
    return client("secretsmanager", estate, side, account -> configure(SecretsManagerClient.builder(), account));
  }

  /** An STS client acting as {@code side} (for the target: as the assumed role). */
  public StsClient sts(Estate estate, Side side) {
    return client("sts", estate, side, account -> configure(StsClient.builder(), account));
  }

  public IamClient iam(Estate estate, Side side) {
    return client("iam", estate, side, account -> configure(IamClient.builder(), account));
  }

  /** EventBridge, for the ingestion rules on the default event bus. */
  public EventBridgeClient eventBridge(Estate estate, Side side) {
    return client("eventbridge", estate, side, account -> configure(EventBridgeClient.builder(), account));
  }

  /** Route53 (global: region {@code aws-global}, or the emulator endpoint). */
  public Route53Client route53(Estate estate, Side side) {
    return client("route53", estate, side,
        account -> configure(Route53Client.builder(), account, Region.AWS_GLOBAL, http));
  }

  /** Lambda, over an HTTP client that waits as long as a synchronous invocation may run. */
  public LambdaClient lambda(Estate estate, Side side) {
    return client("lambda", estate, side,
        account -> configure(LambdaClient.builder(), account, Region.of(account.region), invokeHttp));
  }

  /** CloudWatch; with an emulator endpoint its calls go as AWS JSON 1.0, which moto speaks. */
  public CloudWatchClient cloudWatch(Estate estate, Side side) {
    return client("cloudwatch", estate, side, account -> {
      CloudWatchClientBuilder builder = CloudWatchClient.builder();
      if (account.endpoint != null) {
        builder.overrideConfiguration(c -> c.addExecutionInterceptor(new RpcV2CborAsJson()));
      }
      return configure(builder, account);
    });
  }

  public SnsClient sns(Estate estate, Side side) {
    return client("sns", estate, side, account -> configure(SnsClient.builder(), account));
  }

  public CloudTrailClient cloudTrail(Estate estate, Side side) {
    return client("cloudtrail", estate, side, account -> configure(CloudTrailClient.builder(), account));
  }

  public CloudFormationClient cloudFormation(Estate estate, Side side) {
    return client("cloudformation", estate, side, account -> configure(CloudFormationClient.builder(), account));
  }

  /** Organizations (global: region {@code aws-global}, which signs for us-east-1; or the emulator endpoint). */
  public OrganizationsClient organizations(Estate estate, Side side) {
    return client("organizations", estate, side,
        account -> configure(OrganizationsClient.builder(), account, Region.AWS_GLOBAL, http));
  }

  public GuardDutyClient guardDuty(Estate estate, Side side) {
    return client("guardduty", estate, side, account -> configure(GuardDutyClient.builder(), account));
  }

  /** AWS Config. */
  public ConfigClient config(Estate estate, Side side) {
    return client("config", estate, side, account -> configure(ConfigClient.builder(), account));
  }

  /** The credentials clients acting as {@code side} use. */
  public AwsCredentialsProvider credentials(Estate estate, Side side) {
    return credentialsFor(AccountKey.of(estate, side));
  }

  /**
   * A fresh session of the role {@code side} assumes (with its ExternalId, from that account's
   * base credentials, like every client here) that lasts {@code lifetime}, named
   * {@code sessionName}: for a child process that must act as the role and nothing more. Not
   * cached, never refreshed.
   *
   * @throws IllegalArgumentException when {@code side} names no role to assume
   */
  public AwsSessionCredentials assumedSession(Estate estate, Side side, String sessionName, Duration lifetime) {
    AccountKey account = AccountKey.of(estate, side);
    if (isBlank(account.config.roleArn())) {
      throw new IllegalArgumentException("the " + side.name().toLowerCase() + " account names no role to assume");
    }
    Credentials session = baseSts(account, baseCredentials(account)).assumeRole(b -> b
        .roleArn(account.config.roleArn())
        .externalId(blankToNull(account.config.externalId()))
        .roleSessionName(sessionName)
        .durationSeconds((int) lifetime.toSeconds())).credentials();
    return AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(), session.sessionToken());
  }

  /** The shared HTTP client (connection pool) every service client uses. */
  public SdkHttpClient httpClient() {
    return http;
  }

  @Override
  public void close() {
    clients.values().forEach(SdkAutoCloseable::close);
    clients.clear();
    credentials.values().forEach(provider -> {
      if (provider instanceof SdkAutoCloseable closeable) {
        closeable.close();
      }
    });
    credentials.clear();
    baseStsClients.values().forEach(StsClient::close);
    baseStsClients.clear();
    http.close();
    invokeHttp.close();
  }

  @SuppressWarnings("unchecked")
  private <T extends SdkAutoCloseable> T client(
      String service, Estate estate, Side side, Function<AccountKey, T> build) {
    AccountKey account = AccountKey.of(estate, side);
    return (T) clients.computeIfAbsent(new ClientKey(service, account), key -> build.apply(account));
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder, AccountKey account) {
    return configure(builder, account, Region.of(account.region), http);
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(
      B builder, AccountKey account, Region region, SdkHttpClient httpClient) {
    builder.region(region).httpClient(httpClient).credentialsProvider(credentialsFor(account));
    withRetries(builder);
    if (account.endpoint != null) {
      builder.endpointOverride(URI.create(account.endpoint));
    }
    return builder.build();
  }

  /** Standard retries (exponential backoff with jitter, throttling told apart) with {@link #MAX_ATTEMPTS}. */
  private static void withRetries(AwsClientBuilder<?, ?> builder) {
    ClientOverrideConfiguration current = builder.overrideConfiguration();
    ClientOverrideConfiguration.Builder override =
        current == null ? ClientOverrideConfiguration.builder() : current.toBuilder();
    builder.overrideConfiguration(override
        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build())
        .build());
  }

  private AwsCredentialsProvider credentialsFor(AccountKey account) {
    return credentials.computeIfAbsent(account, this::buildCredentials);
  }

  private AwsCredentialsProvider buildCredentials(AccountKey account) {
    AwsCredentialsProvider base = baseCredentials(account);
    if (isBlank(account.config.roleArn())) {
      return base;
    }
    StsClient sts = baseSts(account, base);
    AssumeRoleRequest assume = AssumeRoleRequest.builder()
        .roleArn(account.config.roleArn())
        .externalId(blankToNull(account.config.externalId()))
        .roleSessionName(SESSION_NAME)
        .build();
    return StsAssumeRoleCredentialsProvider.builder().stsClient(sts).refreshRequest(assume).build();
  }

  /** The STS client that assumes {@code account}'s role with its base credentials (one per account). */
  private StsClient baseSts(AccountKey account, AwsCredentialsProvider base) {
    return baseStsClients.computeIfAbsent(account, key -> {
      var builder = StsClient.builder().region(Region.of(key.region)).httpClient(http).credentialsProvider(base);
      withRetries(builder);
      if (key.endpoint != null) {
        builder.endpointOverride(URI.create(key.endpoint));
      }
      return builder.build();
    });
  }

  private static AwsCredentialsProvider baseCredentials(AccountKey account) {
    String profile = account.config.profile();
    if (!isBlank(profile)) {
      return ProfileCredentialsProvider.create(profile);
    }
    DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
    if (account.endpoint == null) {
      return chain;
    }
    return AwsCredentialsProviderChain.builder()
        .credentialsProviders(
            chain, StaticCredentialsProvider.create(AwsBasicCredentials.create(EMULATOR_KEY, EMULATOR_KEY)))
        .build();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return isBlank(value) ? null : value;
  }

  /** Everything a client's identity and location depend on. */
  private record AccountKey(String region, String endpoint, AccountConfig config) {
    static AccountKey of(Estate estate, Side side) {
      AccountConfig config = estate.account(side);
      if (config == null) {
        throw new IllegalArgumentException("the estate has no " + side.name().toLowerCase() + " account");
      }
      String endpoint = isBlank(estate.endpoint()) ? null : estate.endpoint();
      return new AccountKey(estate.region(), endpoint, config);
    }
  }

  private record ClientKey(String service, AccountKey account) {}
}
