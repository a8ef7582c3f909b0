package com.avesa.cutover.activities.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.avesa.cutover.activities.aws.Wildcards;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The secret globs as IAM patterns, evaluated as IAM does (allowed when an Allow pattern matches
 * and no Deny pattern does; {@code *} and {@code ?} cross '/') against the globs as the migration
 * reads them ({@code *} and {@code ?} stop at '/').
 */
class SecretArnPatternsTest {
  private static final String SUFFIX = "-AbC1xz";

  /** Whether IAM would allow the secret {@code name} (its ARN ends in a random 6-character suffix). */
  private static boolean iamAllows(List<String> globs, String name) {
    String arnName = name + SUFFIX;
    boolean allowed = globs.stream().anyMatch(g -> IamWildcard.matchesResource(SecretArnPatterns.allowed(g), arnName));
    boolean denied = globs.stream().flatMap(g -> SecretArnPatterns.denied(g).stream())
        .anyMatch(p -> IamWildcard.matchesResource(p, arnName));
    return allowed && !denied;
  }

  private static boolean globMatches(String glob, String name) {
    return Pattern.compile(Wildcards.regex(glob, "[^/]*", "[^/]"), Pattern.DOTALL).matcher(name).matches();
  }

  @Test
  void aTenantGlobAllowsEachTenantsSecretAndNothingDeeperLongerOrElsewhere() {
    List<String> globs = List.of("tenant/*/prod");

    assertThat(iamAllows(globs, "tenant/acme/prod")).isTrue();
    assertThat(iamAllows(globs, "tenant//prod")).isTrue();
    assertThat(iamAllows(globs, "tenant/acme/sub/prod")).as("* does not cross /").isFalse();
    assertThat(iamAllows(globs, "tenant/acme/prod/old")).isFalse();
    assertThat(iamAllows(globs, "tenant/acme/production")).isFalse();
    assertThat(iamAllows(globs, "tenant/acme/prod-old")).as("only the 6-character suffix").isFalse();
    assertThat(iamAllows(globs, "other/acme/prod")).isFalse();
  }

  @Test
  void aQuestionMarkIsOneCharacterButSlash() {
    List<String> globs = List.of("tenant/?/prod");

    assertThat(iamAllows(globs, "tenant/a/prod")).isTrue();
    assertThat(iamAllows(globs, "tenant///prod")).isFalse();
    assertThat(iamAllows(globs, "tenant/ab/prod")).isFalse();
  }

  @Test
  void writesOneDenyPerWildcard() {
    assertThat(SecretArnPatterns.allowed("tenant/*/prod")).isEqualTo("tenant/*/prod-??????");
    assertThat(SecretArnPatterns.denied("tenant/*/prod")).containsExactly("tenant/*/*/prod-??????");
    assertThat(SecretArnPatterns.denied("a*b?c")).containsExactly("a*/*b?c-??????", "a*b/c-??????");
    assertThat(SecretArnPatterns.denied("tenant/acme/prod")).isEmpty();
  }

  @Test
  void everyShortNameIsAllowedExactlyWhenTheGlobMatchesIt() {
    List<String> globs = List.of("*", "a/*", "*/a", "a*b", "*-*", "?/*", "a/?*/b", "**", "*a*/*");
    List<String> names = names("a/b-", 6);

    for (String glob : globs) {
      for (String name : names) {
        assertThat(iamAllows(List.of(glob), name)).as("glob %s, name %s", glob, name)
            .isEqualTo(globMatches(glob, name));
      }
    }
  }

  @Test
  void severalGlobsNeverAllowANameNoneMatchesButMayDenyOneADeeperGlobMatches() {
    List<String> globs = List.of("tenant/*/prod", "tenant/*/*/prod");

    for (String name : List.of("tenant/a/prod", "tenant/a/b/prod", "tenant/a/b/c/prod", "tenant/a/prod/x",
        "tenant/a/b/production", "tenant/a/prod-old")) {
      boolean matched = globs.stream().anyMatch(g -> globMatches(g, name));
      assertThat(!iamAllows(globs, name) || matched).as("never beyond the globs: " + name).isTrue();
    }
    assertThat(iamAllows(globs, "tenant/a/prod")).isTrue();
    assertThat(iamAllows(globs, "tenant/a/b/prod")).as("conservative: the shallower glob's Deny covers it").isFalse();
  }

  /** Every string of the alphabet's characters up to {@code maxLength} long. */
  private static List<String> names(String alphabet, int maxLength) {
    List<String> all = new ArrayList<>(List.of(""));
    List<String> last = List.of("");
    for (int length = 1; length <= maxLength; length++) {
      List<String> next = new ArrayList<>();
      for (String prefix : last) {
        for (char c : alphabet.toCharArray()) {
          next.add(prefix + c);
        }
      }
      all.addAll(next);
      last = next;
    }
    return all;
  }
}
