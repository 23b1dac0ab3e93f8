package dev.origincloudregions.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** IP1–IP3: which text is an origin IP, and its canonical form. */
class IpAddressesTest {

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @DisplayName("IP1, IP2: valid text and its canonical form")
  @CsvSource(delimiter = '|', textBlock = """
      # IPv4: plain dotted quad
      192.0.2.1                                 | 192.0.2.1
      0.0.0.0                                   | 0.0.0.0
      255.255.255.255                           | 255.255.255.255
      10.0.0.10                                 | 10.0.0.10
      # IPv6: case, leading zeros within a group, full form
      2001:DB8:0:0::1                           | 2001:db8::1
      2001:0db8:0000:0000:0000:0000:0000:0001   | 2001:db8::1
      FE80::ABCD                                | fe80::abcd
      0:0:0:0:0:0:0:0                           | ::
      ::                                        | ::
      ::1                                       | ::1
      0:0:0:0:0:0:0:1                           | ::1
      1::                                       | 1::
      1:0:0:0:0:0:0:0                           | 1::
      # the longest run of zero groups is compressed; the first one on a tie
      2001:0:0:1:0:0:0:1                        | 2001:0:0:1::1
      2001:db8:0:0:1:0:0:1                      | 2001:db8::1:0:0:1
      1:0:0:2:0:0:3:4                           | 1::2:0:0:3:4
      # a single zero group is never compressed, even when it was written as ::
      2001:db8:0:1:1:1:1:1                      | 2001:db8:0:1:1:1:1:1
      2001:db8::1:1:1:1:1                       | 2001:db8:0:1:1:1:1:1
      ::1:2:3:4:5:6:7                           | 0:1:2:3:4:5:6:7
      1:2:3:4:5:6:7::                           | 1:2:3:4:5:6:7:0
      1:2:3:4:5:6::8                            | 1:2:3:4:5:6:0:8
      # IPv4-mapped addresses keep a dotted tail, however they were written
      ::ffff:192.0.2.1                          | ::ffff:192.0.2.1
      ::FFFF:192.0.2.1                          | ::ffff:192.0.2.1
      ::ffff:c000:201                           | ::ffff:192.0.2.1
      0:0:0:0:0:ffff:c000:0201                  | ::ffff:192.0.2.1
      0000:0000:0000:0000:0000:FFFF:192.0.2.1   | ::ffff:192.0.2.1
      ::ffff:0:0                                | ::ffff:0.0.0.0
      ::ffff:255.255.255.255                    | ::ffff:255.255.255.255
      # other embedded IPv4 tails are accepted but written in hex (only ::ffff:0:0/96 keeps dots)
      64:ff9b::198.51.100.7                     | 64:ff9b::c633:6407
      ::192.0.2.1                               | ::c000:201
      ::ffff:0:192.0.2.1                        | ::ffff:0:c000:201
      1:2:3:4:5:6:1.2.3.4                       | 1:2:3:4:5:6:102:304
      """)
  void acceptsAndCanonicalises(String text, String canonical) {
    assertThat(IpAddresses.canonical(text)).as("canonical form of '%s'", text).contains(canonical);
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @DisplayName("IP1: invalid text")
  @ValueSource(strings = {
      // empty and blank
      "", " ", "\t",
      // leading zeros in IPv4 (octal ambiguity), also in an embedded tail
      "010.0.0.1", "1.02.3.4", "1.2.3.04", "0.0.0.00", "00.0.0.0", "::ffff:010.0.0.1", "::ffff:1.2.3.04",
      // not a dotted quad
      "256.0.0.1", "1.2.3.256", "1.2.3", "1.2.3.4.5", "1.2.3.4.", ".1.2.3.4", "1..2.3", "16909060",
      "0x1.2.3.4", "0x01020304", "1.2.3.0x4", "a.b.c.d", "1e.2.3.4", "+1.2.3.4", "1.2.3.-4", "1.2.3.*", "1-2.3.4.5",
      // surrounding or inner whitespace
      " 192.0.2.1", "192.0.2.1 ", "192.0.2.1\n", "\t192.0.2.1", "192. 0.2.1", " ::1", "::1 ", "2001:db8::1\r\n",
      // brackets, zone indexes, ports, prefix lengths
      "[::1]", "[2001:db8::1]", "fe80::1%eth0", "fe80::1%1", "fe80::1%", "::ffff:192.0.2.1%eth0",
      "192.0.2.1%1", "192.0.2.1:80", "[::1]:80", "192.0.2.0/24", "192.0.2.1/32", "2001:db8::/32", "::1/128", "::/0",
      // malformed IPv6
      "2001:00db8::1", "12345::", "g::1", "1::2::3", ":::", ":1::", "1:", ":1", "1:2:3:4:5:6:7:8:9",
      "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:1.2.3.4", "::ffff:1.2.3",
      "::ffff:256.0.0.1", "::ffff:1.2.3.4.5", "1.2.3.4::", "::1.2.3.4:1", "2001:db8::1::",
      // other notations some parsers accept
      "*", "::*", "0::0-1", "localhost", "0b1.2.3.4", "\u0661\u0669\u0662.0.2.1", "192\uFF0E0.2.1", "::\uFF11",
      // far too long
      "0000:0000:0000:0000:0000:0000:0000:0000:0000"
  })
  void refuses(String text) {
    assertThat(IpAddresses.canonical(text)).as("canonical form of '%s'", text).isEmpty();
  }

  @Test
  @DisplayName("IP1: null is not an IP")
  void refusesNull() {
    assertThat(IpAddresses.canonical(null)).isEmpty();
  }

  @Test
  @DisplayName("IP3: ::ffff:192.0.2.1 and 192.0.2.1 are two different mappings")
  void keepsIpv4MappedApartFromIpv4() {
    Ip mapped = IpAddresses.parse("::ffff:192.0.2.1").orElseThrow();
    Ip plain = IpAddresses.parse("192.0.2.1").orElseThrow();
    assertThat(mapped).isNotEqualTo(plain);
    assertThat(mapped.compareTo(plain)).as("IPv4 sorts before IPv6").isPositive();
    assertThat(mapped.isIpv4Mapped()).isTrue();
    assertThat(plain.isIpv4Mapped()).isFalse();
  }

  @Test
  @DisplayName("IP3: texts with equal canonical forms are one mapping")
  void sameAddressIsEqual() {
    assertThat(IpAddresses.parse("2001:DB8:0:0::1")).isEqualTo(IpAddresses.parse("2001:db8::1"));
  }

  @Test
  @DisplayName("M4: order is IPv4 before IPv6, then numeric")
  void ordersNumerically() {
    List<Ip> ips = new ArrayList<>();
    for (String text : List.of("2001:db8::1", "10.0.0.2", "::ffff:1.2.3.4", "9.255.255.255", "::1", "ffff::", "10.0.0.10", "255.0.0.0")) {
      ips.add(IpAddresses.parse(text).orElseThrow());
    }
    ips.sort(null);
    assertThat(ips).extracting(Ip::text)
        .containsExactly("9.255.255.255", "10.0.0.2", "10.0.0.10", "255.0.0.0", "::1", "::ffff:1.2.3.4", "2001:db8::1", "ffff::");
  }

  // ---------------------------------------------------------------- properties against an independent oracle

  @Test
  @DisplayName("IP2: any IPv6 address, written in any RFC 4291 form, canonicalises to its RFC 5952 form")
  void everyIpv6SpellingCanonicalisesToRfc5952() {
    // Half of the groups are zero, so zero runs of every length and position (and ties) come up often.
    qt().withExamples(3_000)
        .forAll(lists().of(integers().between(-65_536, 65_535)).ofSize(8), integers().between(0, Integer.MAX_VALUE))
        .checkAssert((raw, style) -> {
          int[] groups = raw.stream().mapToInt(g -> Math.max(g, 0)).toArray();
          String text = spell(groups, style);
          assertThat(IpAddresses.canonical(text)).as("canonical form of '%s'", text).contains(rfc5952(groups));
        });
  }

  @Test
  @DisplayName("IP1, IP2: any IPv4 address is valid as a dotted quad and refused with a leading zero")
  void everyIpv4DottedQuadIsItsOwnCanonicalForm() {
    qt().withExamples(2_000).forAll(longs().between(0, 0xffff_ffffL), integers().between(0, 3)).checkAssert((value, octet) -> {
      String text = Ip.dotted(value);
      assertThat(IpAddresses.canonical(text)).contains(text);
      String[] parts = text.split("\\.");
      parts[octet] = "0" + parts[octet];
      String padded = String.join(".", parts);
      assertThat(IpAddresses.canonical(padded)).as("canonical form of '%s'", padded).isEmpty();
    });
  }

  @Test
  @DisplayName("IP2: canonicalising is idempotent")
  void canonicalFormIsAFixedPoint() {
    qt().withExamples(2_000)
        .forAll(lists().of(integers().between(-65_536, 65_535)).ofSize(8), integers().between(0, Integer.MAX_VALUE))
        .checkAssert((raw, style) -> {
          int[] groups = raw.stream().mapToInt(g -> Math.max(g, 0)).toArray();
          String canonical = IpAddresses.canonical(spell(groups, style)).orElseThrow();
          assertThat(IpAddresses.canonical(canonical)).contains(canonical);
        });
  }

  @Test
  @DisplayName("IP1: the direct dotted-quad reading agrees with the library on any text of digits, dots and hex letters")
  void directIpv4ReadingAgreesWithTheLibrary() {
    qt().withExamples(20_000)
        .forAll(lists().of(integers().between(0, 13)).ofSizeBetween(0, 17))
        .checkAssert(symbols -> {
          StringBuilder text = new StringBuilder();
          for (int symbol : symbols) {
            text.append("0123456789..ab".charAt(symbol));
          }
          String s = text.toString();
          assertThat(IpAddresses.parse(s)).as("'%s'", s).isEqualTo(IpAddresses.parseWithLibrary(s));
        });
    qt().withExamples(5_000).forAll(longs().between(0, 0xffff_ffffL)).checkAssert(value -> {
      String dotted = Ip.dotted(value);
      assertThat(IpAddresses.parse(dotted)).isEqualTo(IpAddresses.parseWithLibrary(dotted)).isPresent();
    });
  }

  /** RFC 5952, written out independently of the library under test (plus IP2's dotted mapped tail). */
  static String rfc5952(int[] groups) {
    boolean mapped = groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
        && groups[5] == 0xffff;
    if (mapped) {
      return "::ffff:" + (groups[6] >> 8) + "." + (groups[6] & 0xff) + "." + (groups[7] >> 8) + "." + (groups[7] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append(i == 0 ? "::" : ":");
        i += bestLength - 1;
        continue;
      }
      out.append(Integer.toHexString(groups[i]));
      if (i < 7) {
        out.append(':');
      }
    }
    return out.toString();
  }

  /** One of the many RFC 4291 spellings of an address, chosen by the bits of {@code style}. */
  static String spell(int[] groups, int style) {
    boolean upper = (style & 1) != 0;
    boolean padded = (style & 2) != 0;
    boolean dottedTail = (style & 4) != 0;
    boolean compress = (style & 8) != 0;
    int which = style >>> 4;
    List<String> parts = new ArrayList<>();
    int count = dottedTail ? 6 : 8;
    for (int i = 0; i < count; i++) {
      String hex = Integer.toHexString(groups[i]);
      parts.add(padded ? "0".repeat(4 - hex.length()) + hex : hex);
    }
    String tail = dottedTail
        ? (groups[6] >> 8) + "." + (groups[6] & 0xff) + "." + (groups[7] >> 8) + "." + (groups[7] & 0xff)
        : null;
    String text;
    Optional<int[]> run = compress ? zeroRun(groups, count, which) : Optional.empty();
    if (run.isPresent()) {
      int start = run.get()[0];
      int end = run.get()[1];
      String head = String.join(":", parts.subList(0, start));
      String rest = String.join(":", parts.subList(end, count));
      if (tail != null) {
        rest = rest.isEmpty() ? tail : rest + ":" + tail;
      }
      text = head + "::" + rest;
    } else {
      text = String.join(":", parts) + (tail != null ? ":" + tail : "");
    }
    return upper ? text.toUpperCase(Locale.ROOT) : text;
  }

  /** Any maximal or partial run of zero groups (among the first {@code count}) to write as "::". */
  private static Optional<int[]> zeroRun(int[] groups, int count, int which) {
    List<int[]> runs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      for (int j = i + 1; j <= count && groups[j - 1] == 0; j++) {
        runs.add(new int[] {i, j});
      }
    }
    return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(which % runs.size()));
  }
}
