package com.avesa.cutover.activities.cutover;

import com.avesa.cutover.activities.aws.AwsClients;
import com.avesa.cutover.workflows.cutover.AlarmCheck;
import com.avesa.cutover.workflows.cutover.AlarmRequest;
import com.avesa.cutover.workflows.cutover.CutoverActivities;
import com.avesa.cutover.workflows.cutover.CutoverPreflight;
import com.avesa.cutover.workflows.cutover.CutoverPreflightRequest;
import com.avesa.cutover.workflows.cutover.DnsChange;
import com.avesa.cutover.workflows.cutover.DnsChangeRequest;
import com.avesa.cutover.workflows.cutover.DnsRecordSet;
import com.avesa.cutover.workflows.cutover.DnsRequest;
import com.avesa.cutover.workflows.cutover.Notice;
import com.avesa.cutover.workflows.cutover.RuleChange;
import com.avesa.cutover.workflows.cutover.RuleStates;
import com.avesa.cutover.workflows.cutover.RulesRequest;
import com.avesa.cutover.workflows.cutover.SmokeTestRequest;
import com.avesa.cutover.workflows.cutover.SmokeTestResult;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;

/**
 * The cutover's side effects on the AWS SDK v2, one small class per service: {@link IngestionRules}
 * (EventBridge), {@link DnsRecords} (Route53), {@link SmokeTests} (Lambda), {@link AlarmWatch}
 * (CloudWatch), {@link Notices} (SNS) and {@link CutoverPreflightCheck}.
 */
public class CutoverActivitiesImpl implements CutoverActivities {
  private final AwsClients clients;

  public CutoverActivitiesImpl(AwsClients clients) {
    this.clients = clients;
  }

  @Override
  public CutoverPreflight checkCutover(CutoverPreflightRequest request) {
    return new CutoverPreflightCheck(clients, request).run();
  }

  @Override
  public RuleStates describeRules(RulesRequest request) {
    return rules(request.estate(), request.side()).describe(request.names());
  }

  @Override
  public void setRulesEnabled(RuleChange change) {
    rules(change.estate(), change.side()).setEnabled(change.names(), change.enabled());
  }

  @Override
  public DnsRecordSet readDnsRecord(DnsRequest request) {
    return dns(request.estate(), request.side()).read(request.hostedZoneId(), request.name(), request.type());
  }

  @Override
  public String writeDnsRecord(DnsChange change) {
    return dns(change.estate(), change.side()).write(change.hostedZoneId(), change.desired());
  }

  @Override
  public String dnsChangeStatus(DnsChangeRequest request) {
    return dns(request.estate(), request.side()).status(request.changeId());
  }

  @Override
  public SmokeTestResult invokeFunction(SmokeTestRequest request) {
    return new SmokeTests(clients.lambda(request.estate(), request.side()), where(request.estate(), request.side()))
        .invoke(request.function(), request.payload());
  }

  @Override
  public AlarmCheck checkAlarms(AlarmRequest request) {
    return new AlarmWatch(clients.cloudWatch(request.estate(), request.side()), where(request.estate(), request.side()))
        .check(request.alarms());
  }

  @Override
  public void notify(Notice notice) {
    Side side = Notices.sideOf(notice.estate(), notice.topicArn());
    new Notices(clients.sns(notice.estate(), side), where(notice.estate(), side))
        .publish(notice.topicArn(), notice.subject(), notice.message());
  }

  /** How messages name an account: {@code source account 123456789012}. */
  static String where(Side side, String accountId) {
    return side.name().toLowerCase() + " account " + accountId;
  }

  private static String where(Estate estate, Side side) {
    return where(side, estate.account(side).accountId());
  }

  private IngestionRules rules(Estate estate, Side side) {
    return new IngestionRules(clients.eventBridge(estate, side), where(estate, side));
  }

  private DnsRecords dns(Estate estate, Side side) {
    return new DnsRecords(clients.route53(estate, side), where(estate, side));
  }
}
