package dev.origincloudregions.sdk;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv6.IPv6Address;
import org.jspecify.annotations.Nullable;

/**
 * The canonical form of an origin IP's text, as the API stores it (contract IP2): IPv4 as a plain
 * dotted quad, IPv6 per RFC 5952, IPv4-mapped IPv6 with a dotted tail ({@code ::ffff:192.0.2.1}). Two
 * texts name the same mapping exactly when their canonical forms are equal (IP3); {@code 192.0.2.1} and
 * {@code ::ffff:192.0.2.1} stay two addresses, which {@link java.net.InetAddress} would fold into one.
 * Parsing and formatting are the IPAddress library's (the reference server's too), strictly configured:
 * no prefix, zone, range, wildcard, leading zeros in IPv4 octets, or inet_aton forms.
 */
final class CanonicalIp {
  private static final IPAddressStringParameters STRICT = strict();

  private CanonicalIp() {}

  /** The canonical form, or null when {@code text} is not one IPv4 or IPv6 address. */
  static @Nullable String of(String text) {
    if (text.isEmpty() || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
      return null; // the library would trim whitespace and read other forms
    }
    IPAddress address = new IPAddressString(text, STRICT).getAddress();
    if (address == null || address.isMultiple() || address.isPrefixed()) {
      return null;
    }
    if (address.isIPv6()) {
      IPv6Address v6 = address.toIPv6();
      return v6.isIPv4Mapped() ? "::ffff:" + v6.getEmbeddedIPv4Address().toCanonicalString() : v6.toCanonicalString();
    }
    return address.toCanonicalString();
  }

  private static IPAddressStringParameters strict() {
    IPAddressStringParameters.Builder b = new IPAddressStringParameters.Builder()
        .allowEmpty(false).allowSingleSegment(false).allowPrefix(false).allowMask(false)
        .allowPrefixOnly(false).allowAll(false).allowWildcardedSeparator(false)
        .setRangeOptions(RangeParameters.NO_RANGE).allow_inet_aton(false);
    b.getIPv4AddressParametersBuilder()
        .allow_inet_aton(false).allowLeadingZeros(false).allowUnlimitedLeadingZeros(false)
        .allowBinary(false).setRangeOptions(RangeParameters.NO_RANGE);
    b.getIPv6AddressParametersBuilder()
        .allowZone(false).allowBase85(false).allowBinary(false).allowMixed(true)
        .allowLeadingZeros(true).allowUnlimitedLeadingZeros(false).setRangeOptions(RangeParameters.NO_RANGE)
        .getEmbeddedIPv4AddressParametersBuilder()
        .allow_inet_aton(false).allowLeadingZeros(false).allowUnlimitedLeadingZeros(false)
        .setRangeOptions(RangeParameters.NO_RANGE);
    return b.toParams();
  }
}
