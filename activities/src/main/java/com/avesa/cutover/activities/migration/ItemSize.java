package com.avesa.cutover.activities.migration;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB counts it (attribute names plus values: strings in UTF-8, numbers
 * about one byte per two significant digits plus one, binary their length, 1 byte for booleans
 * and nulls, 3 bytes plus one per element for lists and maps). An estimate for planning scans,
 * not for billing.
 */
final class ItemSize {
  private ItemSize() {}

  static long of(Map<String, AttributeValue> item) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      size += utf8(attribute.getKey()) + of(attribute.getValue());
    }
    return size;
  }

  private static long of(AttributeValue value) {
    return switch (value.type()) {
      case S -> utf8(value.s());
      case N -> number(value.n());
      case B -> value.b().asByteArray().length;
      case SS -> value.ss().stream().mapToLong(ItemSize::utf8).sum();
      case NS -> value.ns().stream().mapToLong(ItemSize::number).sum();
      case BS -> value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
      case M -> 3 + value.m().size() + of(value.m());
      case L -> 3 + value.l().size() + value.l().stream().mapToLong(ItemSize::of).sum();
      default -> 1;
    };
  }

  private static long utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  private static long number(String number) {
    return ItemDigest.normalise(number).replaceAll("[^0-9]", "").replaceAll("^0+", "").length() / 2 + 1;
  }
}
