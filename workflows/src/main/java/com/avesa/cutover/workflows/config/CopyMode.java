package com.avesa.cutover.workflows.config;

/**
 * How object bodies travel. SERVER: {@code CopyObject}/{@code UploadPartCopy} with the target's
 * credentials (the target principal must be able to read the source). STREAM: GET with the
 * source's credentials, PUT with the target's. AUTO: server-side, falling back to streaming per
 * object when the server-side copy is refused.
 */
public enum CopyMode {
  AUTO,
  SERVER,
  STREAM
}
