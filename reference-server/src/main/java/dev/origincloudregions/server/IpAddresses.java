package dev.origincloudregions.server;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv6.IPv6Address;
import inet.ipaddr.ipv6.IPv6AddressStringParameters;
import java.util.Optional;

/**
 * The contract's rules for IP address text (IP1–IP3): which text is accepted and its canonical form.
 *
 * <ul>
 *   <li>IPv4: a dotted quad of four decimal octets 0–255 without leading zeros ({@code 010.0.0.1} is
 *       refused: octal ambiguity is a known attack vector).
 *   <li>IPv6: any RFC 4291 text form, hex digits in either case, with an embedded IPv4 tail allowed
 *       (its octets follow the IPv4 rule). Canonical form per RFC 5952: lowercase, no leading zeros,
 *       the longest run of two or more zero groups compressed (the first on a tie), a single zero
 *       group never compressed.
 *   <li>IPv4-mapped addresses ({@code ::ffff:0:0/96}) keep a dotted tail: {@code ::ffff:c000:201}
 *       becomes {@code ::ffff:192.0.2.1}. They stay IPv6: {@code ::ffff:192.0.2.1} and
 *       {@code 192.0.2.1} are two different mappings (unlike {@link java.net.InetAddress}, which folds
 *       the first into the second).
 *   <li>Refused: surrounding whitespace, brackets, zone indexes ({@code %eth0}), prefix lengths
 *       ({@code /24}), the empty string and anything else.
 * </ul>
 *
 * <p>IPv6 parsing and RFC 5952 formatting are the IPAddress library's, configured strictly; a
 * character check in front refuses everything the library would otherwise tolerate (it trims
 * whitespace, for one). A plain dotted quad is read directly, as it is trivial and a library parse
 * costs ten times more. {@code IpAddressesTest} pins every rule with a table of tricky cases and
 * checks the direct IPv4 reading against the library's.
 */
final class IpAddresses {
  /** The longest valid text: eight four-digit groups with the last two written as a dotted quad. */
  static final int MAX_TEXT_LENGTH = "0000:0000:0000:0000:0000:ffff:255.255.255.255".length();

  private static final IPAddressStringParameters STRICT = strictParameters();

  private IpAddresses() {}

  /** The canonical form of {@code text}, or empty when it is not a valid origin IP. */
  static Optional<String> canonical(String text) {
    return parse(text).map(Ip::text);
  }

  /** Parses {@code text} by the contract's rules; empty when it is not a valid origin IP. */
  static Optional<Ip> parse(String text) {
    return parse(text, true);
  }

  /** Like {@link #parse}, but IPv4 too through the library: the tests' cross-check of the direct reading. */
  static Optional<Ip> parseWithLibrary(String text) {
    return parse(text, false);
  }

  private static Optional<Ip> parse(String text, boolean direct) {
    if (text == null || text.isEmpty() || text.length() > MAX_TEXT_LENGTH || !onlyAddressCharacters(text)) {
      return Optional.empty();
    }
    if (direct && text.indexOf(':') < 0) {
      // A plain dotted quad: the one form simple enough to read directly (it is half of all traffic,
      // and reading it here costs a tenth of a library parse). IPv6, with all its forms, is the
      // library's.
      long value = dottedQuad(text);
      return value < 0 ? Optional.empty() : Optional.of(Ip.ipv4(value));
    }
    IPAddress address = new IPAddressString(text, STRICT).getAddress();
    if (address == null || address.isMultiple() || address.isPrefixed()) {
      return Optional.empty();
    }
    byte[] bytes = address.getBytes();
    if (address.isIPv4()) {
      return Optional.of(Ip.ipv4(toLong(bytes, 0, 4)));
    }
    long hi = toLong(bytes, 0, 8);
    long lo = toLong(bytes, 8, 8);
    IPv6Address v6 = address.toIPv6();
    String canonical = v6.isIPv4Mapped()
        ? "::ffff:" + Ip.dotted(lo & 0xffff_ffffL)
        : v6.toCanonicalString();
    return Optional.of(Ip.ipv6(canonical, hi, lo));
  }

  /**
   * Reads four decimal octets 0-255 separated by dots, none with a leading zero (IP1); -1 for
   * anything else.
   */
  static long dottedQuad(String text) {
    long value = 0;
    int octets = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      int start = i;
      int octet = 0;
      while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        octet = octet * 10 + (text.charAt(i) - '0');
        i++;
        if (i - start > 3) {
          return -1;
        }
      }
      int digits = i - start;
      if (digits == 0 || octet > 255 || (digits > 1 && text.charAt(start) == '0')) {
        return -1;
      }
      value = (value << 8) | octet;
      octets++;
      if (i < n) {
        if (text.charAt(i) != '.' || octets == 4 || i == n - 1) {
          return -1;
        }
        i++;
      }
    }
    return octets == 4 ? value : -1;
  }

  /** Hex digits, colons and dots only: no whitespace, brackets, '%', '/', signs or wildcards. */
  private static boolean onlyAddressCharacters(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static long toLong(byte[] bytes, int from, int count) {
    long value = 0;
    for (int i = from; i < from + count; i++) {
      value = (value << 8) | (bytes[i] & 0xff);
    }
    return value;
  }

  private static IPAddressStringParameters strictParameters() {
    IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder()
        .allowEmpty(false)
        .allowSingleSegment(false)
        .allowPrefix(false)
        .allowMask(false)
        .allowPrefixOnly(false)
        .allowAll(false)
        .allowWildcardedSeparator(false)
        .setRangeOptions(RangeParameters.NO_RANGE)
        .allow_inet_aton(false);
    builder.getIPv4AddressParametersBuilder()
        .allow_inet_aton(false)
        .allow_inet_aton_hex(false)
        .allow_inet_aton_octal(false)
        .allow_inet_aton_leading_zeros(false)
        .allow_inet_aton_joined_segments(false)
        .allowBinary(false)
        .allowLeadingZeros(false)
        .allowUnlimitedLeadingZeros(false)
        .allowWildcardedSeparator(false)
        .setRangeOptions(RangeParameters.NO_RANGE);
    IPv6AddressStringParameters.Builder v6 = builder.getIPv6AddressParametersBuilder()
        .allowBase85(false)
        .allowZone(false)
        .allowEmptyZone(false)
        .allow_mixed_inet_aton(false)
        .allowMixed(true)
        .allowBinary(false)
        .allowWildcardedSeparator(false)
        // "0db8" is a valid group (RFC 4291 allows up to four hex digits); "00db8" is not.
        .allowLeadingZeros(true)
        .allowUnlimitedLeadingZeros(false)
        .setRangeOptions(RangeParameters.NO_RANGE);
    v6.getEmbeddedIPv4AddressParametersBuilder()
        .allow_inet_aton(false)
        .allowBinary(false)
        .allowLeadingZeros(false)
        .allowUnlimitedLeadingZeros(false)
        .allowWildcardedSeparator(false)
        .setRangeOptions(RangeParameters.NO_RANGE);
    return builder.toParams();
  }
}
