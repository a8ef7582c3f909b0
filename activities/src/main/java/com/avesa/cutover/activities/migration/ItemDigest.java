package com.avesa.cutover.activities.migration;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The SHA-256 of an item's canonical encoding: attributes sorted by name, every value typed and
 * length-prefixed; numbers normalised (so 1.50 and 1.5 agree), sets sorted, maps sorted, lists
 * in order. Two items digest equal iff DynamoDB considers them equal.
 */
final class ItemDigest {
  private ItemDigest() {}

  static String of(Map<String, AttributeValue> item) {
    MessageDigest digest = Digests.sha256();
    writeMap(digest, item);
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void writeMap(MessageDigest out, Map<String, AttributeValue> map) {
    writeInt(out, map.size());
    for (Map.Entry<String, AttributeValue> entry : new TreeMap<>(map).entrySet()) {
      writeString(out, entry.getKey());
      writeValue(out, entry.getValue());
    }
  }

  private static void writeValue(MessageDigest out, AttributeValue value) {
    switch (value.type()) {
      case S -> tagged(out, "S", value.s());
      case N -> tagged(out, "N", normalise(value.n()));
      case B -> {
        writeString(out, "B");
        writeBytes(out, value.b().asByteArray());
      }
      case SS -> sortedSet(out, "SS", value.ss());
      case NS -> sortedSet(out, "NS", value.ns().stream().map(ItemDigest::normalise).toList());
      case BS -> sortedSet(out, "BS", value.bs().stream().map(b -> HexFormat.of().formatHex(b.asByteArray())).toList());
      case M -> {
        writeString(out, "M");
        writeMap(out, value.m());
      }
      case L -> {
        writeString(out, "L");
        writeInt(out, value.l().size());
        value.l().forEach(element -> writeValue(out, element));
      }
      case BOOL -> tagged(out, "BOOL", value.bool().toString());
      case NUL -> writeString(out, "NULL");
      default -> throw new IllegalArgumentException("unsupported DynamoDB attribute type " + value.type());
    }
  }

  static String normalise(String number) {
    return new BigDecimal(number).stripTrailingZeros().toPlainString();
  }

  private static void sortedSet(MessageDigest out, String tag, List<String> values) {
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(null);
    writeString(out, tag);
    writeInt(out, sorted.size());
    sorted.forEach(value -> writeString(out, value));
  }

  private static void tagged(MessageDigest out, String tag, String value) {
    writeString(out, tag);
    writeString(out, value);
  }

  private static void writeString(MessageDigest out, String value) {
    writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
  }

  private static void writeBytes(MessageDigest out, byte[] bytes) {
    writeInt(out, bytes.length);
    out.update(bytes);
  }

  private static void writeInt(MessageDigest out, int value) {
    out.update(ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
  }

}
