package dev.origincloudregions.conformance.model;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Text forms of addresses: every valid spelling RFC 4291 allows (IP1) and near misses that look like addresses but
 * are not. A form is chosen by a number so that QuickTheories can shrink it: form 0 is always the canonical text.
 */
public final class AddressForms {

  private AddressForms() {}

  /** A valid text of {@code ip}; {@code form == 0} gives the canonical text. */
  public static String render(Address ip, long form) {
    if (form == 0 || ip.isV4()) {
      return ip.toString();
    }
    Random r = new Random(form);
    int[] g = ip.groups();
    boolean tail = ip.isV4Mapped() ? r.nextInt(4) != 0 : r.nextInt(5) == 0;
    int n = tail ? 6 : 8;
    // Compression: none, or any run of one or more zero groups among the first n.
    int start = -1;
    int len = 0;
    if (r.nextInt(4) != 0) {
      int[][] runs = new int[16][];
      int count = 0;
      for (int i = 0; i < n; i++) {
        for (int j = i; j < n && g[j] == 0; j++) {
          if (count < runs.length) {
            runs[count++] = new int[] {i, j - i + 1};
          } else if (r.nextInt(2) == 0) {
            runs[r.nextInt(runs.length)] = new int[] {i, j - i + 1};
          }
        }
      }
      if (count > 0) {
        int[] pick = runs[r.nextInt(count)];
        start = pick[0];
        len = pick[1];
      }
    }
    int caseMode = r.nextInt(3); // 0 lower, 1 upper, 2 mixed
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i == start) {
        sb.append("::");
        i += len - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      String hex = Integer.toHexString(g[i]);
      int pad = r.nextInt(3) == 0 ? 4 - hex.length() : r.nextInt(5 - hex.length());
      sb.append("0".repeat(Math.max(0, pad))).append(applyCase(hex, caseMode, r));
    }
    if (tail) {
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(ip.dottedTail());
    }
    return sb.toString();
  }

  private static String applyCase(String hex, int mode, Random r) {
    if (mode == 0) {
      return hex;
    }
    if (mode == 1) {
      return hex.toUpperCase(Locale.ROOT);
    }
    StringBuilder sb = new StringBuilder();
    for (char c : hex.toCharArray()) {
      sb.append(r.nextBoolean() ? Character.toUpperCase(c) : c);
    }
    return sb.toString();
  }

  /** A kind of near miss: a text derived from a valid address that is not a valid address. */
  public enum NearMiss {
    OCTET_OVER_255(true),
    THREE_OCTETS(true),
    FIVE_OCTETS(true),
    NON_HEX_DIGIT(true),
    NINE_GROUPS(true),
    SEVEN_GROUPS_NO_COMPRESSION(true),
    TWO_COMPRESSIONS(true),
    FIVE_HEX_DIGITS(true),
    EMPTY(true),
    HOSTNAME(true),
    LEADING_ZERO_OCTET(false),
    ZONE_INDEX(false),
    PREFIX_LENGTH(false),
    LEADING_SPACE(false),
    TRAILING_SPACE(false),
    TRAILING_NEWLINE(false),
    BRACKETS(false),
    NON_ASCII_DIGIT(false),
    HEX_OCTET(false);

    /** True when every reading of "an IP address" rejects it, so the documented profile checks it too. */
    public final boolean clearlyInvalid;

    NearMiss(boolean clearlyInvalid) {
      this.clearlyInvalid = clearlyInvalid;
    }

    public static List<NearMiss> forProfile(boolean reference) {
      return reference ? List.of(values()) : java.util.Arrays.stream(values()).filter(k -> k.clearlyInvalid).toList();
    }
  }

  /** A near miss of {@code ip}; the result is never a valid address (the oracle agrees, see the tests). */
  public static String nearMiss(Address ip, NearMiss kind) {
    String v4 = ip.isV4() ? ip.toString() : ip.dottedTail();
    String v6 = ip.isV4() ? "2001:db8::" + Integer.toHexString((ip.bytes()[3] & 0xff) + 1) : ip.toString();
    String[] o = v4.split("\\.");
    switch (kind) {
      case OCTET_OVER_255:
        return o[0] + "." + o[1] + "." + o[2] + "." + (256 + Integer.parseInt(o[3]));
      case THREE_OCTETS:
        return o[0] + "." + o[1] + "." + o[2];
      case FIVE_OCTETS:
        return v4 + ".1";
      case NON_HEX_DIGIT:
        return ip.isV4() ? "::g" : v6 + "g";
      case NINE_GROUPS: {
        int[] g = ip.isV4() ? new int[] {0x2001, 0xdb8, 0, 0, 0, 0, 0, 1} : ip.groups();
        StringBuilder sb = new StringBuilder();
        for (int x : g) {
          sb.append(Integer.toHexString(x)).append(':');
        }
        return sb.append('1').toString();
      }
      case SEVEN_GROUPS_NO_COMPRESSION: {
        int[] g = ip.isV4() ? new int[] {0x2001, 0xdb8, 0, 0, 0, 0, 0, 1} : ip.groups();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 7; i++) {
          sb.append(i == 0 ? "" : ":").append(Integer.toHexString(g[i]));
        }
        return sb.toString();
      }
      case TWO_COMPRESSIONS:
        return "2001::db8::" + Integer.toHexString((ip.bytes()[ip.bytes().length - 1] & 0xff) + 1);
      case FIVE_HEX_DIGITS:
        return "2001:0db80::" + Integer.toHexString((ip.bytes()[ip.bytes().length - 1] & 0xff) + 1);
      case EMPTY:
        return "";
      case HOSTNAME:
        return "origin-" + (ip.bytes()[ip.bytes().length - 1] & 0xff) + ".example.com";
      case LEADING_ZERO_OCTET:
        return "0" + o[0] + "." + o[1] + "." + o[2] + "." + o[3];
      case ZONE_INDEX:
        return (ip.isV4() ? v6 : ip.toString()) + "%eth0";
      case PREFIX_LENGTH:
        return ip.isV4() ? v4 + "/24" : ip + "/64";
      case LEADING_SPACE:
        return " " + ip;
      case TRAILING_SPACE:
        return ip + " ";
      case TRAILING_NEWLINE:
        return ip + "\n";
      case BRACKETS:
        return "[" + (ip.isV4() ? v6 : ip.toString()) + "]";
      case NON_ASCII_DIGIT:
        // ARABIC-INDIC DIGIT ONE in place of the first character of the last octet
        return o[0] + "." + o[1] + "." + o[2] + ".\u0661" + o[3].substring(1);
      case HEX_OCTET:
        return "0x" + Integer.toHexString(Integer.parseInt(o[0])) + "." + o[1] + "." + o[2] + "." + o[3];
      default:
        throw new IllegalArgumentException(kind.name());
    }
  }
}
