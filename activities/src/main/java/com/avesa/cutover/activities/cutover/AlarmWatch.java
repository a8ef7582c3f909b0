package com.avesa.cutover.activities.cutover;

import com.avesa.cutover.activities.aws.Failures;
import com.avesa.cutover.workflows.config.AlarmSelector;
import com.avesa.cutover.workflows.cutover.AlarmCheck;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The CloudWatch alarms (metric and composite) of one account that a selector picks, and which of
 * them are in ALARM. Read-only.
 */
final class AlarmWatch {
  /** DescribeAlarms takes at most this many names per call. */
  private static final int NAMES_PER_CALL = 100;

  private final CloudWatchClient cloudWatch;
  private final String where;

  /** @param where the side and account for messages, e.g. {@code target account 987654321098} */
  AlarmWatch(CloudWatchClient cloudWatch, String where) {
    this.cloudWatch = cloudWatch;
    this.where = where;
  }

  /** How many alarms the selector matches (each once), and {@code name: state reason} of those in ALARM, by name. */
  AlarmCheck check(AlarmSelector selector) {
    Map<String, Alarm> alarms = select(selector);
    List<String> inAlarm = alarms.values().stream()
        .filter(alarm -> alarm.state == StateValue.ALARM)
        .map(alarm -> alarm.name + ": " + alarm.reason)
        .toList();
    return new AlarmCheck(alarms.size(), inAlarm);
  }

  /** The names among {@code names} that name no alarm. */
  List<String> missing(List<String> names) {
    Map<String, Alarm> found = select(new AlarmSelector(names, null));
    return names.stream().filter(name -> !found.containsKey(name)).distinct().toList();
  }

  /** How many alarms have a name starting with {@code prefix}. */
  int countWithPrefix(String prefix) {
    return select(new AlarmSelector(List.of(), prefix)).size();
  }

  private Map<String, Alarm> select(AlarmSelector selector) {
    Map<String, Alarm> alarms = new TreeMap<>();
    List<String> names = selector.names();
    for (int from = 0; from < names.size(); from += NAMES_PER_CALL) {
      List<String> batch = names.subList(from, Math.min(from + NAMES_PER_CALL, names.size()));
      describe(DescribeAlarmsRequest.builder().alarmNames(batch), alarms);
    }
    if (selector.namePrefix() != null) {
      describe(DescribeAlarmsRequest.builder().alarmNamePrefix(selector.namePrefix()), alarms);
    }
    return alarms;
  }

  private void describe(DescribeAlarmsRequest.Builder request, Map<String, Alarm> into) {
    DescribeAlarmsRequest all = request.alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM).build();
    Failures.classified("describe alarms (" + where + ")", () -> {
      cloudWatch.describeAlarmsPaginator(all).forEach(page -> {
        page.metricAlarms().forEach(a -> into.put(a.alarmName(), new Alarm(a.alarmName(), a.stateValue(),
            a.stateReason())));
        page.compositeAlarms().forEach(a -> into.put(a.alarmName(), new Alarm(a.alarmName(), a.stateValue(),
            a.stateReason())));
      });
      return into;
    });
  }

  private record Alarm(String name, StateValue state, String reason) {}
}
