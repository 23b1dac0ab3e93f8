package dev.origincloudregions.server;

import java.util.Objects;

/**
 * A valid origin IP: its text (canonical, per IP2) and its numeric value.
 *
 * <p>Ordered as the list is [M4]: IPv4 before IPv6, then numerically ascending. The text breaks ties
 * only when two texts name one address, which the server never creates (its texts are canonical); it
 * keeps equality and order consistent for any {@code Ip} made by {@link #ipv6} with other text.
 */
final class Ip implements Comparable<Ip> {
  private static final long IPV4_MAPPED_PREFIX = 0xffffL;

  private final String text;
  private final boolean v6;
  /** The high 64 bits of an IPv6 address; 0 for IPv4. */
  private final long hi;
  /** The low 64 bits of an IPv6 address, or the 32 bits of an IPv4 address. */
  private final long lo;

  private Ip(String text, boolean v6, long hi, long lo) {
    this.text = Objects.requireNonNull(text, "text == null");
    this.v6 = v6;
    this.hi = hi;
    this.lo = lo;
  }

  static Ip ipv4(long value) {
    return new Ip(dotted(value), false, 0, value & 0xffff_ffffL);
  }

  static Ip ipv6(String canonicalText, long hi, long lo) {
    return new Ip(canonicalText, true, hi, lo);
  }

  /** The text that names this mapping in responses. */
  String text() {
    return text;
  }

  boolean isIpv6() {
    return v6;
  }

  /** True for {@code ::ffff:0:0/96}: IPv4-mapped IPv6 addresses, which IP2 writes with a dotted tail. */
  boolean isIpv4Mapped() {
    return v6 && hi == 0 && (lo >>> 32) == IPV4_MAPPED_PREFIX;
  }

  static String dotted(long value) {
    return ((value >>> 24) & 0xff) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "." + (value & 0xff);
  }

  @Override
  public int compareTo(Ip other) {
    if (v6 != other.v6) {
      return v6 ? 1 : -1;
    }
    int byHigh = Long.compareUnsigned(hi, other.hi);
    if (byHigh != 0) {
      return byHigh;
    }
    int byLow = Long.compareUnsigned(lo, other.lo);
    if (byLow != 0) {
      return byLow;
    }
    return text.compareTo(other.text);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ip other && v6 == other.v6 && hi == other.hi && lo == other.lo && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    // The text is left out: it is a function of the value for every Ip the server makes; equal
    // values with different texts would merely share a bucket.
    return (Long.hashCode(hi) * 31 + Long.hashCode(lo)) * 31 + (v6 ? 1 : 0);
  }

  @Override
  public String toString() {
    return text;
  }
}
