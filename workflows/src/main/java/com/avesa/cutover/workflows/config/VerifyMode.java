package com.avesa.cutover.workflows.config;

/**
 * How buckets are verified ({@code data.verify}). LISTING: both listings compared by key, size and
 * ETag (stored checksums where an ETag is not a content MD5), and the share {@code data.verifySample}
 * of the objects a run copies checked in full right after their copy. FULL: every object's content
 * headers, user metadata, tags and content. Payloads from before the setting existed mean FULL.
 */
public enum VerifyMode {
  LISTING,
  FULL
}
