package dev.origincloudregions.sdk.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

/** The regexes the pact uses for addresses must be exact: a loose one lets a broken provider pass. */
class IpPatternsTest {
  static final Pattern ANY_FORM = Pattern.compile(IpPatterns.IP_ANY_FORM);
  static final Pattern CANONICAL_SHAPE = Pattern.compile(IpPatterns.IP_CANONICAL_SHAPE);
  static final Pattern TIMESTAMP = Pattern.compile(IpPatterns.RFC3339_UTC);

  /** Groups of an IPv6 address, half of them zero so that :: compression is exercised everywhere. */
  static final Gen<List<Integer>> GROUPS =
      lists()
          .of(integers().between(0, 3).zip(integers().between(0, 0xffff), (coin, v) -> coin < 2 ? 0 : v))
          .ofSize(8);

  static final Gen<List<Integer>> OCTETS = lists().of(integers().between(0, 255)).ofSize(4);

  @Test
  @DisplayName("IP1, IP2: every IPv4 address in dotted-quad form matches both patterns")
  void acceptsEveryIpv4Address() {
    qt().forAll(OCTETS).checkAssert(octets -> {
      String ip = String.join(".", octets.stream().map(String::valueOf).toList());
      assertThat(ip).matches(ANY_FORM).matches(CANONICAL_SHAPE);
    });
  }

  @Test
  @DisplayName("IP2: the RFC 5952 form of every IPv6 address matches both patterns")
  void acceptsTheCanonicalFormOfEveryIpv6Address() {
    qt().forAll(GROUPS).checkAssert(groups -> {
      assertThat(rfc5952(groups)).matches(ANY_FORM).matches(CANONICAL_SHAPE);
    });
  }

  @Test
  @DisplayName("IP1: every RFC 4291 text form (full, padded, any case, :: at any zero run, IPv4 tail) matches")
  void acceptsEveryRfc4291TextForm() {
    qt().forAll(GROUPS, integers().between(0, 7), integers().between(0, Integer.MAX_VALUE))
        .checkAssert((groups, start, caseBits) -> {
          assertThat(padded(groups, caseBits)).matches(ANY_FORM);
          assertThat(compressedAt(groups, start)).matches(ANY_FORM).matches(CANONICAL_SHAPE);
          assertThat(withIpv4Tail(groups)).matches(ANY_FORM).matches(CANONICAL_SHAPE);
        });
  }

  @Test
  @DisplayName("IP2: upper-case hex or a leading zero in a group is not the returned shape")
  void rejectsNonCanonicalShapes() {
    qt().forAll(GROUPS, integers().between(1, Integer.MAX_VALUE)).checkAssert((groups, caseBits) -> {
      String padded = padded(groups, caseBits);
      boolean hasLeadingZero = groups.stream().anyMatch(g -> g < 0x1000);
      boolean hasUpperCase = !padded.equals(padded.toLowerCase(Locale.ROOT));
      if (hasLeadingZero || hasUpperCase) {
        assertThat(padded).doesNotMatch(CANONICAL_SHAPE);
      }
    });
    assertThat(List.of("2001:DB8::1", "2001:0db8::1", "::FFFF:192.0.2.1", "::ffff:0000:1"))
        .allSatisfy(ip -> assertThat(ip).matches(ANY_FORM).doesNotMatch(CANONICAL_SHAPE));
  }

  @ParameterizedTest
  @DisplayName("IP1: text that is not exactly one address matches neither pattern")
  @ValueSource(strings = {
      "", " ", "not-an-ip", " 192.0.2.1", "192.0.2.1 ", "192.0.2.1\n", "010.0.0.1", "192.0.2.01", "192.0.2",
      "192.0.2.1.5", "256.0.0.1", "999.1", "1.2.3.4.5", "192.0.2.1/24", "+1.2.3.4", "1,2.3.4", "١٩٢.0.2.1",
      "[2001:db8::1]", "fe80::1%eth0", "2001:db8::/32", "2001:db8::1::1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
      ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "1:2:3:4:5:6:7::8", "::1:2:3:4:5:6:7:8", "12345::1", "g::1", ":::",
      "::ffff:192.0.2.256", "::ffff:192.0.2", "1:2:3:4:5:6:7:1.2.3.4", "1:2:3:4:5:6::1.2.3.4", "::1.2.3.04",
      "1::2:3:4:5:6:1.2.3.4", "2001:db8::1 2001:db8::2"})
  void rejectsEverythingElse(String text) {
    assertThat(text).doesNotMatch(ANY_FORM).doesNotMatch(CANONICAL_SHAPE);
  }

  @ParameterizedTest
  @DisplayName("M1: modified_on is an RFC 3339 timestamp in UTC")
  @ValueSource(strings = {"2026-03-01T12:00:00Z", "2026-03-01T12:00:00.123456Z", "2026-12-31T23:59:60+00:00"})
  void acceptsUtcTimestamps(String text) {
    assertThat(text).matches(TIMESTAMP);
  }

  @ParameterizedTest
  @DisplayName("M1: a timestamp that is not RFC 3339 UTC is refused")
  @ValueSource(strings = {"", "2026-03-01", "2026-03-01 12:00:00Z", "2026-03-01T12:00:00", "2026-03-01T12:00:00+01:00",
      "2026-13-01T12:00:00Z", "2026-03-01T24:00:00Z", "1772366400", "2026-03-01T12:00:00.Z"})
  void refusesOtherTimestamps(String text) {
    assertThat(text).doesNotMatch(TIMESTAMP);
  }

  /** RFC 5952: lower case, no leading zeros, the first longest run of two or more zero groups as ::. */
  static String rfc5952(List<Integer> groups) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups.get(j) == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = Math.max(j, i + 1);
    }
    return bestStart < 0 ? join(groups, 0, 8) : compress(groups, bestStart, bestStart + bestLength);
  }

  /** Compresses the zero run that contains or follows {@code start}, if any, however short. */
  static String compressedAt(List<Integer> groups, int start) {
    int from = start;
    while (from < 8 && groups.get(from) != 0) {
      from++;
    }
    if (from == 8) {
      return join(groups, 0, 8);
    }
    int to = from;
    while (to < 8 && groups.get(to) == 0) {
      to++;
    }
    return compress(groups, from, to);
  }

  /** All eight groups padded to four digits, each letter's case chosen by a bit of {@code caseBits}. */
  static String padded(List<Integer> groups, int caseBits) {
    StringBuilder s = new StringBuilder();
    int bit = 0;
    for (int i = 0; i < 8; i++) {
      if (i > 0) {
        s.append(':');
      }
      for (char c : String.format("%04x", groups.get(i)).toCharArray()) {
        s.append(Character.isLetter(c) && ((caseBits >>> (bit++ % 31)) & 1) == 1 ? Character.toUpperCase(c) : c);
      }
    }
    return s.toString();
  }

  /** The first six groups in RFC 5952 style and the last 32 bits as a dotted quad. */
  static String withIpv4Tail(List<Integer> groups) {
    String head = rfc5952(append(groups.subList(0, 6), 1, 1)); // non-zero tail keeps :: out of the last two
    head = head.substring(0, head.length() - "1:1".length());
    int a = groups.get(6);
    int b = groups.get(7);
    return head + (a >> 8) + "." + (a & 0xff) + "." + (b >> 8) + "." + (b & 0xff);
  }

  private static List<Integer> append(List<Integer> head, int x, int y) {
    var all = new java.util.ArrayList<>(head);
    all.add(x);
    all.add(y);
    return all;
  }

  private static String compress(List<Integer> groups, int from, int to) {
    return join(groups, 0, from) + "::" + join(groups, to, 8);
  }

  private static String join(List<Integer> groups, int from, int to) {
    return String.join(":", groups.subList(from, to).stream().map(Integer::toHexString).toList());
  }
}
