package dev.origincloudregions.server;

import java.math.BigInteger;

/**
 * The v2 list's paging parameters [VL1]: {@code page} at least 1 (default 1) and {@code per_page} from 1
 * to 100 (default 20), each a decimal integer given at most once; anything else answers 400 with code
 * 1146. Pages follow the list order [M4]; a page past the last is empty.
 */
record Paging(BigInteger page, int perPage) {
  static final int DEFAULT_PER_PAGE = 20;
  static final int MAX_PER_PAGE = 100;
  /** Cloudflare's text, verbatim. */
  static final String PER_PAGE_MESSAGE = "invalid per_page parameter, must be between 1 and 100";
  static final String PAGE_MESSAGE = "invalid page parameter, must be a whole number of at least 1";

  /** Reads {@code page} and {@code per_page} from a raw query (null when there is none); other parameters are ignored. */
  static Paging parse(String rawQuery) throws Refusal {
    String page = null;
    String perPage = null;
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String parameter : rawQuery.split("&", -1)) {
        int equals = parameter.indexOf('=');
        String name = decode(equals < 0 ? parameter : parameter.substring(0, equals));
        String value = equals < 0 ? "" : decode(parameter.substring(equals + 1));
        if (name.equals("page")) {
          if (page != null) {
            throw invalid("invalid page parameter, given more than once");
          }
          page = value;
        } else if (name.equals("per_page")) {
          if (perPage != null) {
            throw invalid("invalid per_page parameter, given more than once");
          }
          perPage = value;
        }
      }
    }
    BigInteger pageNumber = BigInteger.ONE;
    if (page != null) {
      pageNumber = decimal(page);
      if (pageNumber == null || pageNumber.signum() <= 0) {
        throw invalid(PAGE_MESSAGE);
      }
    }
    int size = DEFAULT_PER_PAGE;
    if (perPage != null) {
      BigInteger n = decimal(perPage);
      if (n == null || n.compareTo(BigInteger.ONE) < 0 || n.compareTo(BigInteger.valueOf(MAX_PER_PAGE)) > 0) {
        throw invalid(PER_PAGE_MESSAGE);
      }
      size = n.intValue();
    }
    return new Paging(pageNumber, size);
  }

  /** How many pages {@code total} entries fill: ceil(total / per_page), 0 for none. */
  int totalPages(int total) {
    return (total + perPage - 1) / perPage;
  }

  /** The index of this page's first entry, or -1 when the page lies past any list this server can hold. */
  long offset() {
    BigInteger offset = page.subtract(BigInteger.ONE).multiply(BigInteger.valueOf(perPage));
    return offset.bitLength() < 63 ? offset.longValue() : -1;
  }

  /** A decimal integer: an optional minus sign and ASCII digits, nothing else; null otherwise. */
  private static BigInteger decimal(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    if (text.length() == start) {
      return null;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    return new BigInteger(text);
  }

  /** A query component: %XX escapes as UTF-8, and {@code +} as a space (form encoding). */
  private static String decode(String component) {
    return Router.decode(component.replace('+', ' '));
  }

  private static Refusal invalid(String message) {
    return new Refusal(Reply.error(400, 1146, message));
  }
}
