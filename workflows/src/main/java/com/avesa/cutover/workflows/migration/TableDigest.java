package com.avesa.cutover.workflows.migration;

import java.math.BigInteger;

/**
 * Order-independent digests: each item contributes a 256-bit hash, and a set's digest is their
 * sum modulo 2^256. Segments and pages therefore combine by addition in any order.
 */
public final class TableDigest {
  private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);
  public static final String EMPTY = "0".repeat(64);

  private TableDigest() {}

  public static String add(String a, String b) {
    BigInteger sum = new BigInteger(a, 16).add(new BigInteger(b, 16)).mod(MODULUS);
    String hex = sum.toString(16);
    return "0".repeat(64 - hex.length()) + hex;
  }
}
