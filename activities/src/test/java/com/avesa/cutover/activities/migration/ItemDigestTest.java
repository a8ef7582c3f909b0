package com.avesa.cutover.activities.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemDigestTest {

  @Test
  void numbersDigestByValueNotBySpelling() {
    assertThat(ItemDigest.of(Map.of("n", AttributeValue.fromN("1.50"))))
        .isEqualTo(ItemDigest.of(Map.of("n", AttributeValue.fromN("1.5"))));
    assertThat(ItemDigest.of(Map.of("n", AttributeValue.fromN("100"))))
        .isEqualTo(ItemDigest.of(Map.of("n", AttributeValue.fromN("1E+2"))));
    assertThat(ItemDigest.normalise("12345678901234567890123456789012345678"))
        .isEqualTo("12345678901234567890123456789012345678");
  }

  @Test
  void attributeAndSetOrderDoNotMatterButListOrderDoes() {
    Map<String, AttributeValue> a = new LinkedHashMap<>();
    a.put("x", AttributeValue.fromSs(List.of("b", "a")));
    a.put("y", AttributeValue.fromNs(List.of("2", "1.0")));
    Map<String, AttributeValue> b = new LinkedHashMap<>();
    b.put("y", AttributeValue.fromNs(List.of("1", "2")));
    b.put("x", AttributeValue.fromSs(List.of("a", "b")));

    assertThat(ItemDigest.of(a)).isEqualTo(ItemDigest.of(b));
    assertThat(ItemDigest.of(Map.of("l", AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromS("b"))))))
        .isNotEqualTo(ItemDigest.of(Map.of("l", AttributeValue.fromL(List.of(AttributeValue.fromS("b"), AttributeValue.fromS("a"))))));
  }

  @Test
  void typesAreDistinguished() {
    String asString = ItemDigest.of(Map.of("v", AttributeValue.fromS("1")));
    String asNumber = ItemDigest.of(Map.of("v", AttributeValue.fromN("1")));
    String asBinary = ItemDigest.of(Map.of("v", AttributeValue.fromB(SdkBytes.fromUtf8String("1"))));
    String asSet = ItemDigest.of(Map.of("v", AttributeValue.fromSs(List.of("1"))));

    assertThat(List.of(asString, asNumber, asBinary, asSet)).doesNotHaveDuplicates();
    assertThat(ItemDigest.of(Map.of("v", AttributeValue.fromBool(true))))
        .isNotEqualTo(ItemDigest.of(Map.of("v", AttributeValue.fromNul(true))));
  }
}
