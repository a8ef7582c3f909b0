package com.avesa.cutover.cli;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.activities.testing.MotoExtension;
import com.avesa.cutover.activities.testing.TestEstates;
import com.avesa.cutover.cli.CliHarness.Run;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * {@code avesa tenant ...} and {@code avesa service ...} run in-process against moto: a config
 * file whose target is moto's 987654321098 (the deployment role assumed with its ExternalId), the
 * target's TenantServices table, and clients to look at what the commands wrote.
 */
final class TenantCli implements AutoCloseable {
  static final String TABLE = "TenantServices";

  private final MotoExtension moto;
  private final Path dir;
  private final AwsClients clients = new AwsClients();
  private final Estate estate;

  TenantCli(MotoExtension moto, Path dir) {
    this.moto = moto;
    this.dir = dir;
    this.estate = TestEstates.crossAccount(moto.endpoint());
  }

  Path config() {
    return write("avesa.yaml", """
        name: avesa-test
        region: %s
        endpoint: %s
        source: { accountId: "%s" }
        target: { accountId: "%s", roleArn: "arn:aws:iam::%s:role/AVESADeploymentRole", externalId: %s }
        data:
          buckets: [ { source: data-storage-msp, target: data-storage-msp-prod } ]
          tables: [ { source: TenantServices-prod, target: %s } ]
        """.formatted(MotoExtension.REGION, moto.endpoint(), TestEstates.SOURCE_ACCOUNT, TestEstates.TARGET_ACCOUNT,
        TestEstates.TARGET_ACCOUNT, TestEstates.EXTERNAL_ID, TABLE));
  }

  void createTable() {
    dynamoDb().createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("tenant_id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("tenant_id").attributeType(ScalarAttributeType.S)));
  }

  DynamoDbClient dynamoDb() {
    return clients.dynamoDb(estate, Side.TARGET);
  }

  SecretsManagerClient secrets() {
    return clients.secrets(estate, Side.TARGET);
  }

  Path write(String fileName, String content) {
    try {
      return Files.writeString(dir.resolve(fileName), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code avesa args...} with an empty stdin. */
  Run avesa(String... args) {
    return avesaWithStdin("", args);
  }

  /** Runs {@code avesa args...} with {@code stdin} as its standard input. */
  Run avesaWithStdin(String stdin, String... args) {
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        if (type == ServiceCommand.Add.class) {
          return type.cast(new ServiceCommand.Add(in));
        }
        return CommandLine.defaultFactory().create(type);
      }
    };
    CommandLine cli = new CommandLine(new Avesa(), factory);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Override
  public void close() {
    clients.close();
  }
}
