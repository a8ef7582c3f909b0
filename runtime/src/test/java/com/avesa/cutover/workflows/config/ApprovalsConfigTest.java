package com.avesa.cutover.workflows.config;

import com.avesa.cutover.runtime.config.ConfigLoader;

import static com.avesa.cutover.workflows.config.ConfigLoaderTest.VALID;
import static com.avesa.cutover.workflows.config.ConfigLoaderTest.problems;
import static com.avesa.cutover.workflows.config.CutoverConfigTest.FULL;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code approvals:} section; {@link CutoverConfigTest} covers {@code cutover:} and the full example. */
class ApprovalsConfigTest {

  @Test
  void fillsTheApprovalDefaultsOfAbsentKeys() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(FULL.replace(
        "approvals: { approvers: [alice, bob], required: 1, fourEyes: true, signOff: false, timeout: P7D, identity: declared }",
        "approvals: { approvers: [\"arn:aws:iam::111122223333:user/alice\"] }"), "f");

    assertThat(config.approvals()).isEqualTo(new ApprovalsConfig(List.of("arn:aws:iam::111122223333:user/alice"), 1,
        true, false, Duration.ofDays(7), ApprovalsConfig.AWS_IAM));
  }

  @Test
  void approversMustBeArnsOrArnPatternsUnlessIdentitiesAreDeclared() {
    assertThat(problems(FULL.replace(", identity: declared", ""))).containsExactly(
        "approvals.approvers[0]: alice is not an IAM ARN or ARN pattern (e.g. arn:aws:iam::111122223333:user/alice or "
            + "arn:aws:sts::111122223333:assumed-role/CabApprover/*); approvals.identity aws-iam compares the ARNs STS "
            + "answers (set approvals.identity: declared to compare typed names, unauthenticated)",
        "approvals.approvers[1]: bob is not an IAM ARN or ARN pattern (e.g. arn:aws:iam::111122223333:user/alice or "
            + "arn:aws:sts::111122223333:assumed-role/CabApprover/*); approvals.identity aws-iam compares the ARNs STS "
            + "answers (set approvals.identity: declared to compare typed names, unauthenticated)");
  }

  @Test
  void acceptsRoleSessionPatternsUnderAwsIam() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(FULL.replace("approvers: [alice, bob]",
        "approvers: [\"arn:aws:sts::111122223333:assumed-role/CabApprover/*\", \"arn:aws:iam::111122223333:user/bob\"]")
        .replace("identity: declared", "identity: aws-iam"), "f");

    assertThat(config.approvals().awsIam()).isTrue();
    assertThat(config.approvals().approvers()).containsExactly("arn:aws:sts::111122223333:assumed-role/CabApprover/*",
        "arn:aws:iam::111122223333:user/bob");
  }

  @Test
  void refusesAnIdentityOtherThanAwsIamOrDeclared() {
    assertThat(problems(FULL.replace("identity: declared", "identity: password"))).first().asString()
        .isEqualTo("approvals.identity: 'password' is not one of aws-iam or declared");
  }

  @Test
  void withoutApproversIdentitiesAreDeclaredAndSaidSo() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(FULL.replace("approvers: [alice, bob], ", "")
        .replace(", identity: declared", ""), "f");

    assertThat(config.approvals().identity()).isEqualTo(ApprovalsConfig.DECLARED);
  }

  @Test
  void refusesApprovalsWithoutACutover() {
    assertThat(problems(VALID + "approvals: { required: 1 }\n"))
        .containsExactly("approvals: only used with a cutover: or decommission: section (add one, or remove approvals:)");
    assertThat(problems(VALID + "approvals: { required: 0 }\n")).hasSize(2)
        .anyMatch(p -> p.startsWith("approvals.required: 0 is out of range"));
  }

  @Test
  void refusesEmptyAndRepeatedApprovers() {
    assertThat(problems(FULL.replace("approvers: [alice, bob]", "approvers: [alice, \" \", bob, alice]"))).containsExactly(
        "approvals.approvers[1]: empty name (the identity of a person allowed to approve, e.g. alice)",
        "approvals.approvers[3]: alice is already listed at approvals.approvers[0] (list each approver once)");
  }

  @Test
  void requiresAWholePositiveNumberOfApprovals() {
    assertThat(problems(FULL.replace("required: 1", "required: 0")))
        .containsExactly("approvals.required: 0 is out of range: use 1 to 2147483647 (default 1)");
    assertThat(problems(FULL.replace("required: 1", "required: 1.5")))
        .containsExactly("approvals.required: must be a whole number from 1 to 2147483647, got a number");
  }

  @Test
  void refusesRequiringMoreApprovalsThanThereAreApprovers() {
    assertThat(problems(FULL.replace("required: 1", "required: 3"))).containsExactly(
        "approvals.required: 3 approvals are required but approvals.approvers lists 2: no gate could open "
            + "(lower required to at most 2, or list more approvers)");
  }

  @Test
  void acceptsAnyNumberOfApprovalsWhenAnyoneMayApprove() throws ConfigException {
    MigrationConfig config = ConfigLoader.parse(FULL.replace("approvers: [alice, bob], required: 1", "required: 3"), "f");

    assertThat(config.approvals().approvers()).isEmpty();
    assertThat(config.approvals().required()).isEqualTo(3);
  }

  @Test
  void requiresYamlBooleansForFourEyesAndSignOff() throws ConfigException {
    assertThat(problems(FULL.replace("fourEyes: true", "fourEyes: \"yes\"")))
        .containsExactly("approvals.fourEyes: must be true or false (without quotes), got a string 'yes'");
    assertThat(problems(FULL.replace("signOff: false", "signOff: 1")))
        .containsExactly("approvals.signOff: must be true or false (without quotes), got a number");

    MigrationConfig config = ConfigLoader.parse(FULL.replace("fourEyes: true", "fourEyes: false")
        .replace("signOff: false", "signOff: true"), "f");
    assertThat(config.approvals().fourEyes()).isFalse();
    assertThat(config.approvals().signOff()).isTrue();
  }
}
