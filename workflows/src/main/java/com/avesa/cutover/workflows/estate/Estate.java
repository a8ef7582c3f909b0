package com.avesa.cutover.workflows.estate;

/**
 * The two accounts an activity works on: region, optional single endpoint (an emulator), and how
 * to obtain each side's credentials. Activities build (and cache) clients from it. {@code config}
 * is the name of the config the run came from, the {@code config} label of the worker's counters
 * (null in runs started before it was added).
 */
public record Estate(String region, String endpoint, AccountConfig source, AccountConfig target, String config) {

  public Estate(String region, String endpoint, AccountConfig source, AccountConfig target) {
    this(region, endpoint, source, target, null);
  }

  public AccountConfig account(Side side) {
    return side == Side.SOURCE ? source : target;
  }
}
