package com.avesa.cutover.activities.account;

import java.util.ArrayList;
import java.util.List;

/**
 * A secret-name glob of the config ({@code *}: any run of characters but '/', {@code ?}: one
 * character but '/') as IAM resource patterns of the secrets' ARNs, whose wildcards do cross '/'.
 *
 * <p>IAM cannot say "but '/'", so a glob becomes an Allow pattern that matches too much and, for
 * each wildcard, a Deny pattern for exactly the names in which that wildcard would have to span a
 * '/': {@code tenant/*}{@code /prod} allows {@code tenant/*}{@code /prod-??????} and denies
 * {@code tenant/*}{@code /*}{@code /prod-??????}. A name the glob matches has as many '/' as the
 * glob's literal text, so no way of reading it puts a '/' in a wildcard and no Deny touches it;
 * every other name the Allow matches has more, and one Deny matches it. Allowed minus denied is
 * the glob, exactly.
 *
 * <p>The one place this is more conservative than the globs: a Deny written for one glob also
 * applies to every other glob of the same policy, so with globs holding different numbers of '/'
 * (e.g. {@code tenant/*}{@code /prod} and {@code tenant/*}{@code /*}{@code /prod}) a name the
 * deeper glob matches can be denied by the shallower one's Deny. The role then lacks access to
 * it, and the run fails naming it; it never gets access to a name no glob matches.
 *
 * <p>Secrets Manager ARNs end in {@code -} and six random characters: {@code -??????} matches
 * exactly those (a trailing {@code *} would also match longer names, {@code tenant/a/prod-old}).
 * Only suffixed patterns are written: one without the suffix would let a glob's trailing wildcard
 * swallow the suffix of a name the glob does not match ({@code *-*} would match {@code a-AbCdEf}).
 * Should IAM authorize a CreateSecret against the bare name, creating the secret is refused (the
 * run fails naming it) rather than allowed too broadly; moto evaluates no IAM policy, so this is
 * not checked against AWS here.
 */
final class SecretArnPatterns {
  static final String SUFFIX = "-??????";

  private SecretArnPatterns() {}

  /** The ARN name part every secret {@code glob} matches has (and more: see {@link #denied}). */
  static String allowed(String glob) {
    return glob + SUFFIX;
  }

  /** One pattern per wildcard of {@code glob}: the names {@link #allowed} matches with '/' in that wildcard. */
  static List<String> denied(String glob) {
    List<String> patterns = new ArrayList<>();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' || c == '?') {
        patterns.add(glob.substring(0, i) + (c == '*' ? "*/*" : "/") + glob.substring(i + 1) + SUFFIX);
      }
    }
    return patterns;
  }
}
