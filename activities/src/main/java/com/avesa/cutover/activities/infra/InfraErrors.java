package com.avesa.cutover.activities.infra;

import com.avesa.cutover.activities.aws.Failures;
import software.amazon.awssdk.core.exception.SdkException;

/** Refused access while checking the target is not worth retrying: it names what the deployment role lacks. */
final class InfraErrors {
  private InfraErrors() {}

  static RuntimeException classify(String what, SdkException e) {
    return Failures.deniedOr(what, e, "the deployment role needs read access to it");
  }
}
