package com.avesa.cutover.activities.migration;

import com.avesa.cutover.workflows.migration.TableDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a segment scan stands, heartbeated after every scan page so a retry resumes there:
 * the last evaluated key (null: from the start), items scanned and written so far, and the
 * digest of the items scanned so far. Small and JSON-friendly (key values only S, N or B).
 */
record ScanPosition(Map<String, KeyValue> lastKey, long items, long copied, String digest) {

  /** One key attribute: type S, N or B (B as base64). */
  record KeyValue(String type, String value) {}

  static final ScanPosition START = new ScanPosition(null, 0, 0, TableDigest.EMPTY);

  static ScanPosition after(Map<String, AttributeValue> lastEvaluatedKey, long items, long copied, String digest) {
    if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
      return new ScanPosition(null, items, copied, digest);
    }
    Map<String, KeyValue> key = new LinkedHashMap<>();
    lastEvaluatedKey.forEach((name, value) -> key.put(name, switch (value.type()) {
      case S -> new KeyValue("S", value.s());
      case N -> new KeyValue("N", value.n());
      case B -> new KeyValue("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
      default -> throw new IllegalArgumentException("key attribute " + name + " has non-key type " + value.type());
    }));
    return new ScanPosition(key, items, copied, digest);
  }

  /** The key to resume the scan from, or null at the start. */
  Map<String, AttributeValue> exclusiveStartKey() {
    if (lastKey == null || lastKey.isEmpty()) {
      return null;
    }
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    lastKey.forEach((name, value) -> key.put(name, switch (value.type()) {
      case "S" -> AttributeValue.fromS(value.value());
      case "N" -> AttributeValue.fromN(value.value());
      case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(value.value())));
      default -> throw new IllegalArgumentException("key attribute " + name + " has non-key type " + value.type());
    }));
    return key;
  }
}
