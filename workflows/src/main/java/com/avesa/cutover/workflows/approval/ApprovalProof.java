package com.avesa.cutover.workflows.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SigV4-signed STS {@code GetCallerIdentity} POST, as the CLI makes it with its caller's own
 * credentials and a run replays to STS to learn who signed it (as Vault's AWS auth method does).
 * The signed header {@code X-Avesa-Approval-Digest} binds it to one decision (see {@link #digest}).
 * It travels as base64url JSON of {@code {method, headers, body}}; there is no URL in it: the run
 * chooses where to send it. Pure, so workflow code may use it.
 *
 * @param method always POST
 * @param headers the signed request's headers (Authorization, X-Amz-Date, Host, the digest, ...)
 * @param body always {@link #BODY}
 */
public record ApprovalProof(String method, Map<String, String> headers, String body) {
  /** The signed header carrying {@link #digest}. */
  public static final String DIGEST_HEADER = "X-Avesa-Approval-Digest";
  public static final String BODY = "Action=GetCallerIdentity&Version=2011-06-15";
  public static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8";
  /** How old a proof may be (STS itself refuses older signatures). */
  public static final Duration MAX_AGE = Duration.ofMinutes(15);
  /** How far in the future a proof's date may lie (clock skew). */
  public static final Duration MAX_SKEW = Duration.ofMinutes(5);
  /** The decision of a proof made to start a run. */
  public static final String START = "start";
  public static final String APPROVE = "approve";
  public static final String REJECT = "reject";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
  private static final List<String> REQUIRED_SIGNED = List.of("host", "x-amz-date", DIGEST_HEADER.toLowerCase(Locale.ROOT));

  public ApprovalProof {
    TreeMap<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      sorted.putAll(headers);
    }
    headers = sorted;
  }

  /**
   * The digest a proof of one decision signs: SHA-256 (hex) of the JSON array
   * {@code [workflowId, gate, decision, reason, windowStart]} (null as "").
   */
  public static String digest(String workflowId, String gate, String decision, String reason, String windowStart) {
    try {
      String text = JSON.writeValueAsString(Arrays.asList(blank(workflowId), blank(gate), blank(decision),
          blank(reason), blank(windowStart)));
      return sha256(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The digest of a start proof of {@code workflowId} for the config named {@code configName}. */
  public static String startDigest(String workflowId, String configName) {
    return digest(workflowId, START, START, configName, null);
  }

  /** Where a proof is replayed: the config's endpoint (an emulator), else the regional STS endpoint. */
  public static String stsUrl(String endpoint, String region) {
    String base = endpoint != null && !endpoint.isBlank() ? endpoint.strip()
        : "https://sts." + region + ".amazonaws.com";
    return base.endsWith("/") ? base : base + "/";
  }

  /** The token: base64url (no padding) of this proof's JSON. */
  public String encode() {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(this));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a token; throws {@link IllegalArgumentException} with one line when it is not one. */
  public static ApprovalProof decode(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the decision carries no proof");
    }
    try {
      byte[] json = Base64.getUrlDecoder().decode(token.strip());
      ApprovalProof proof = JSON.readValue(json, ApprovalProof.class);
      if (proof == null) {
        throw new IllegalArgumentException("empty");
      }
      return proof;
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw new IllegalArgumentException("the proof is not a base64url JSON {method, headers, body} as "
          + "avesa approval-token prints it");
    }
  }

  /** A header's value, names compared case-insensitively; null when absent. */
  public String header(String name) {
    return headers.get(name);
  }

  /** Why this is not a signed GetCallerIdentity request binding a digest, or null. */
  public String refuseShape() {
    if (!"POST".equals(method) || !BODY.equals(body)) {
      return "the proof is not an STS GetCallerIdentity POST";
    }
    String authorization = header("Authorization");
    if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 ")) {
      return "the proof is not signed with SigV4 (no AWS4-HMAC-SHA256 Authorization header)";
    }
    List<String> signed = signedHeaders();
    for (String name : REQUIRED_SIGNED) {
      if (!signed.contains(name) || header(name) == null) {
        return "the proof does not sign the header " + name;
      }
    }
    return null;
  }

  /** The names in the Authorization header's SignedHeaders, lower case. */
  public List<String> signedHeaders() {
    String authorization = header("Authorization");
    if (authorization == null) {
      return List.of();
    }
    for (String part : authorization.substring(authorization.indexOf(' ') + 1).split(",")) {
      String p = part.strip();
      if (p.startsWith("SignedHeaders=")) {
        return List.of(p.substring("SignedHeaders=".length()).toLowerCase(Locale.ROOT).split(";"));
      }
    }
    return List.of();
  }

  /** When it was signed (X-Amz-Date); null when missing or malformed. */
  public Instant signedAt() {
    String date = header("X-Amz-Date");
    try {
      return date == null ? null : LocalDateTime.parse(date.strip(), AMZ_DATE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** What marks this proof as used: a digest of its signature. */
  public String fingerprint() {
    String authorization = header("Authorization");
    return sha256(authorization == null ? "" : authorization).substring(0, 32);
  }

  private static String blank(String s) {
    return s == null ? "" : s;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
