package dev.origincloudregions.sdk.pact;

/**
 * Strict regular expressions for IP addresses, for Pact regex matchers. Pact's own {@code ipAddress()}
 * matcher is {@code (\d{1,3}\.)+\d{1,3}}: IPv4 only and loose (it accepts {@code 999.1} and {@code
 * 1.2.3.4.5}), so the pact uses these instead.
 *
 * <p>Both are anchored ({@code ^...$}): Pact JVM matches a regex against the whole value, but other Pact
 * implementations search for it, and an unanchored pattern would then accept any text holding an address.
 */
final class IpPatterns {
  private IpPatterns() {}

  /** One IPv4 octet, 0 to 255 in decimal, without leading zeros (contract IP1). */
  private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

  private static final String IPV4 = OCTET + "(?:\\." + OCTET + "){3}";

  /**
   * Any IPv4 or IPv6 text a client may send (IP1): IPv4 dotted quad; IPv6 in any RFC 4291 form, hex digits in
   * either case, with leading zeros, {@code ::} compression and an IPv4 tail.
   */
  static final String IP_ANY_FORM = "^(?:" + IPV4 + "|" + ipv6("[0-9A-Fa-f]{1,4}") + ")$";

  /**
   * The shape of an address as the API returns it (IP2): IPv4 dotted quad, or IPv6 in lower case without
   * leading zeros in a group. It does not check that {@code ::} replaces the longest run of zero groups: that
   * part of RFC 5952 is beyond a regex of sane size, and the conformance suite checks it exactly.
   */
  static final String IP_CANONICAL_SHAPE = "^(?:" + IPV4 + "|" + ipv6("(?:0|[1-9a-f][0-9a-f]{0,3})") + ")$";

  /** An RFC 3339 timestamp in UTC, as {@code modified_on} carries it (M1). */
  static final String RFC3339_UTC =
      "^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)"
          + "(?:\\.[0-9]{1,9})?(?:Z|[+-]00:00)$";

  /**
   * IPv6 text over a given group pattern {@code h}. The alternatives enumerate where {@code ::} stands: with
   * {@code a} explicit groups before it and {@code b} after it, {@code a + b <= 7} (it replaces at least one
   * group), or {@code a + b <= 5} when an IPv4 tail takes the last two groups.
   */
  private static String ipv6(String h) {
    StringBuilder re = new StringBuilder("(?:");
    re.append("(?:").append(h).append(":){7}").append(h); // eight groups, no ::
    re.append("|::(?:").append(h).append("(?::").append(h).append("){0,6})?"); // :: first
    re.append("|(?:").append(h).append(":){1,7}:"); // :: last
    for (int a = 1; a <= 6; a++) { // a groups, ::, 1..7-a groups
      re.append("|(?:").append(h).append(":){").append(a).append("}(?::").append(h).append("){1,").append(7 - a)
          .append('}');
    }
    re.append("|(?:").append(h).append(":){6}").append(IPV4); // six groups and an IPv4 tail, no ::
    re.append("|::(?:").append(h).append(":){0,5}").append(IPV4); // ::, 0..5 groups, IPv4 tail
    for (int a = 1; a <= 5; a++) { // a groups, ::, 0..5-a groups, IPv4 tail
      re.append("|(?:").append(h).append(":){").append(a).append("}:(?:").append(h).append(":){0,").append(5 - a)
          .append('}').append(IPV4);
    }
    return re.append(')').toString();
  }
}
