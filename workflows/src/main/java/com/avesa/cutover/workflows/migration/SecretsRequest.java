package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.config.SecretFilter;
import com.avesa.cutover.workflows.estate.Estate;
import com.avesa.cutover.workflows.estate.Side;

/**
 * The secrets of {@code fromSide} whose names match {@code filter}, compared with the other side;
 * {@code extras} says what to do with matching secrets only the other side has (null: report them).
 */
public record SecretsRequest(Estate estate, Side fromSide, SecretFilter filter, ExtrasRule extras) {

  public SecretsRequest(Estate estate, Side fromSide, SecretFilter filter) {
    this(estate, fromSide, filter, null);
  }
}
