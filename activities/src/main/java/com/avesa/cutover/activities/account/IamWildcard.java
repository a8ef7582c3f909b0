package com.avesa.cutover.activities.account;

import com.avesa.cutover.activities.aws.Wildcards;
import java.util.regex.Pattern;

/**
 * IAM's wildcards in actions and resource ARNs: {@code *} is any run of characters, {@code /}
 * included, and {@code ?} any one character; everything else is literal. Actions compare
 * case-insensitively.
 */
final class IamWildcard {
  private IamWildcard() {}

  /** Whether the action pattern {@code pattern} (e.g. {@code sts:Assume*}) covers {@code action}. */
  static boolean matches(String pattern, String action) {
    return regex(pattern, Pattern.CASE_INSENSITIVE).matcher(action).matches();
  }

  /** Whether the resource pattern {@code pattern} covers the ARN {@code arn} (case-sensitive). */
  static boolean matchesResource(String pattern, String arn) {
    return regex(pattern, 0).matcher(arn).matches();
  }

  private static Pattern regex(String pattern, int flags) {
    return Pattern.compile(Wildcards.regex(pattern, ".*", "."), flags | Pattern.DOTALL);
  }
}
