package com.avesa.cutover.workflows.migration;

import com.avesa.cutover.workflows.config.AccountConfig;

/**
 * The two accounts an activity works on: region, optional single endpoint (an emulator), and how
 * to obtain each side's credentials. Activities build (and cache) clients from it.
 */
public record Estate(String region, String endpoint, AccountConfig source, AccountConfig target) {

  public AccountConfig account(Side side) {
    return side == Side.SOURCE ? source : target;
  }
}
