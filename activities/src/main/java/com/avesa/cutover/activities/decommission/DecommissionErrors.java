package com.avesa.cutover.activities.decommission;

import com.avesa.cutover.activities.aws.Failures;
import software.amazon.awssdk.core.exception.SdkException;

/** Refused access while decommissioning is not worth retrying: it names what the source credentials lack. */
final class DecommissionErrors {
  private DecommissionErrors() {}

  /** The failure to throw for {@code e} while doing {@code what}, e.g. "delete table T (source account 1)". */
  static RuntimeException classify(String what, SdkException e) {
    return Failures.deniedOr(what, e, "the source credentials need this permission to decommission");
  }
}
