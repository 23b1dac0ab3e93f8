package dev.origincloudregions.conformance.model;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * The suite's own oracle for IP text (contract IP1-IP3), written independently of any server so that a bug in a
 * server's parser cannot hide in the suite too. An {@code Address} is an address value: 4 bytes for IPv4, 16 for IPv6.
 * IPv4 {@code 192.0.2.1} and IPv4-mapped IPv6 {@code ::ffff:192.0.2.1} are different values (IP3).
 */
public final class Address implements Comparable<Address> {

  /** IPv4 before IPv6, each numerically ascending (M4). */
  public static final Comparator<Address> ORDER = Comparator.<Address>comparingInt(ip -> ip.bytes.length)
      .thenComparing(ip -> new BigInteger(1, ip.bytes));

  private final byte[] bytes;

  private Address(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Reads an address back from its text (a replayed case's input). */
  @com.fasterxml.jackson.annotation.JsonCreator
  static Address fromText(String text) {
    return parse(text).orElseThrow(() -> new IllegalArgumentException("not an address: " + text));
  }

  public static Address of(byte[] bytes) {
    if (bytes.length != 4 && bytes.length != 16) {
      throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length);
    }
    return new Address(bytes.clone());
  }

  public static Address v4(int a, int b, int c, int d) {
    return new Address(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
  }

  public static Address v6(int[] groups) {
    if (groups.length != 8) {
      throw new IllegalArgumentException("IPv6 has 8 groups");
    }
    byte[] b = new byte[16];
    for (int i = 0; i < 8; i++) {
      b[2 * i] = (byte) (groups[i] >>> 8);
      b[2 * i + 1] = (byte) groups[i];
    }
    return new Address(b);
  }

  /** Parses text under the contract's [ref] grammar (IP1); empty when the text is not a valid address. */
  public static Optional<Address> parse(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    if (text.indexOf(':') >= 0) {
      return Optional.ofNullable(parseV6(text));
    }
    byte[] v4 = parseV4(text);
    return v4 == null ? Optional.empty() : Optional.of(new Address(v4));
  }

  /** The canonical form of {@code text} (IP2), or empty when it is not a valid address. */
  public static Optional<String> canonical(String text) {
    return parse(text).map(Address::toString);
  }

  public static boolean isValid(String text) {
    return parse(text).isPresent();
  }

  /**
   * Whether a lenient reader would take {@code text} for an address: after trimming whitespace and brackets,
   * dropping a zone index or prefix length, reading non-ASCII digits, leading-zero or hex octets. Such texts are
   * invalid only under the contract's [ref] grammar (IP1).
   */
  static boolean lenientlyValid(String text) {
    return lenientCanonical(text).isPresent();
  }

  /** The canonical form of what a lenient reader takes {@code text} for (see {@link #lenientlyValid}), if anything. */
  static Optional<String> lenientCanonical(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    s = s.replaceFirst("%.*$", "").replaceFirst("/\\d+$", "");
    StringBuilder digits = new StringBuilder();
    for (char c : s.toCharArray()) {
      digits.append(Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : c);
    }
    s = digits.toString();
    if (s.indexOf(':') < 0) {
      String[] parts = s.split("\\.", -1);
      StringBuilder v4 = new StringBuilder();
      for (String p : parts) {
        try {
          int v = p.startsWith("0x") ? Integer.parseInt(p.substring(2), 16) : Integer.parseInt(p);
          v4.append(v4.length() == 0 ? "" : ".").append(v);
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
      s = v4.toString();
    }
    return canonical(s);
  }

  public boolean isV4() {
    return bytes.length == 4;
  }

  public boolean isV4Mapped() {
    if (bytes.length != 16) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  int[] groups() {
    if (bytes.length != 16) {
      throw new IllegalStateException("not IPv6");
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    return g;
  }

  /** The IPv4 address in the last 32 bits, as a dotted quad. */
  public String dottedTail() {
    int n = bytes.length;
    return (bytes[n - 4] & 0xff) + "." + (bytes[n - 3] & 0xff) + "." + (bytes[n - 2] & 0xff) + "." + (bytes[n - 1] & 0xff);
  }

  /** The canonical text (IP2): dotted quad, or RFC 5952 with a dotted tail for IPv4-mapped addresses. */
  @Override
  @com.fasterxml.jackson.annotation.JsonValue
  public String toString() {
    if (isV4()) {
      return dottedTail();
    }
    if (isV4Mapped()) {
      return "::ffff:" + dottedTail();
    }
    int[] g = groups();
    int bestStart = -1;
    int bestLen = 1; // a run must be at least two groups long
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address && Arrays.equals(bytes, ((Address) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Address o) {
    return ORDER.compare(this, o);
  }

  private static byte[] parseV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      int v = decimalOctet(parts[i]);
      if (v < 0) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  /** 0-255, ASCII digits, no leading zero; -1 otherwise. */
  private static int decimalOctet(String p) {
    if (p.isEmpty() || p.length() > 3) {
      return -1;
    }
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
    }
    if (p.length() > 1 && p.charAt(0) == '0') {
      return -1;
    }
    int v = Integer.parseInt(p);
    return v <= 255 ? v : -1;
  }

  private static Address parseV6(String s) {
    int dc = s.indexOf("::");
    if (dc >= 0 && s.indexOf("::", dc + 1) >= 0) {
      return null; // at most one "::"
    }
    String head = dc >= 0 ? s.substring(0, dc) : s;
    String tail = dc >= 0 ? s.substring(dc + 2) : "";
    int[] headGroups = groupsOf(head, dc < 0);
    if (headGroups == null) {
      return null;
    }
    int[] tailGroups = dc >= 0 ? groupsOf(tail, true) : new int[0];
    if (tailGroups == null) {
      return null;
    }
    int total = headGroups.length + tailGroups.length;
    if (dc < 0 ? total != 8 : total > 7) {
      return null;
    }
    int[] g = new int[8];
    System.arraycopy(headGroups, 0, g, 0, headGroups.length);
    System.arraycopy(tailGroups, 0, g, 8 - tailGroups.length, tailGroups.length);
    return v6(g);
  }

  /**
   * Colon-separated hex groups; the last may be a dotted IPv4 tail when {@code tailAllowed}. The empty string is no
   * groups. Returns null on any syntax error.
   */
  private static int[] groupsOf(String s, boolean tailAllowed) {
    if (s.isEmpty()) {
      return new int[0];
    }
    String[] parts = s.split(":", -1);
    int extra = 0;
    String last = parts[parts.length - 1];
    boolean hasTail = last.indexOf('.') >= 0;
    if (hasTail && !tailAllowed) {
      return null;
    }
    int[] out = new int[parts.length + (hasTail ? 1 : 0)];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (i == parts.length - 1 && hasTail) {
        byte[] v4 = parseV4(p);
        if (v4 == null) {
          return null;
        }
        out[i] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        out[i + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        extra = 1;
        continue;
      }
      if (p.isEmpty() || p.length() > 4) {
        return null;
      }
      int v = 0;
      for (int k = 0; k < p.length(); k++) {
        int d = hexDigit(p.charAt(k));
        if (d < 0) {
          return null;
        }
        v = (v << 4) | d;
      }
      out[i] = v;
    }
    return extra == 0 && hasTail ? null : out;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
