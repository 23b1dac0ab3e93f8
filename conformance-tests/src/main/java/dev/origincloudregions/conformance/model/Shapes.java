package dev.origincloudregions.conformance.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.HttpTarget;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Strict readers of the target's answers. Each one checks what the contract says about the shape (E1 envelope,
 * M1 mapping, batch result) and throws a {@link Violation} naming the rule and the exchange when it does not hold.
 */
public final class Shapes {
  static final String ID = "origin_public_cloud_region";
  public static final Set<String> VENDORS = Set.of("aws", "azure", "gcp", "oci");
  private static final Pattern RFC3339 =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");

  private final boolean reference;

  public Shapes(boolean reference) {
    this.reference = reference;
  }

  static Violation fail(String rule, Exchange ex, String message) {
    return new Violation(rule, message, ex);
  }

  /** The E1 problem with a response, or null when its envelope is well formed. */
  public static String envelopeProblem(Exchange ex) {
    if (ex.status() < 0) {
      return "no response: " + ex.transportError();
    }
    JsonNode j = ex.json();
    if (j == null) {
      return "body is not JSON (" + ex.jsonError() + ")";
    }
    if (!j.isObject()) {
      return "body is not a JSON object";
    }
    for (String k : List.of("success", "errors", "messages", "result")) {
      if (!j.has(k)) {
        return "envelope lacks \"" + k + "\"";
      }
    }
    if (!j.get("success").isBoolean()) {
      return "\"success\" is not a boolean";
    }
    if (!j.get("errors").isArray() || !j.get("messages").isArray()) {
      return "\"errors\" and \"messages\" must be arrays";
    }
    boolean success = j.get("success").asBoolean();
    boolean ok2xx = ex.status() >= 200 && ex.status() < 300;
    if (success != ok2xx) {
      return "\"success\": " + success + " on HTTP " + ex.status();
    }
    if (success) {
      if (!j.get("errors").isEmpty()) {
        return "success with non-empty errors";
      }
      if (j.get("result").isNull()) {
        return "success with a null result";
      }
    } else {
      if (j.get("errors").isEmpty()) {
        return "failure with no errors";
      }
      if (!j.get("result").isNull()) {
        return "failure with a non-null result";
      }
      for (JsonNode e : j.get("errors")) {
        if (!e.isObject() || !e.path("code").isIntegralNumber() || e.path("code").asLong() < 1000) {
          return "error code must be an integer >= 1000: " + e;
        }
        if (!e.path("message").isTextual() || e.path("message").asText().isBlank()) {
          return "error message must be a non-empty string: " + e;
        }
      }
    }
    return null;
  }

  /** Asserts a successful answer (200, E1) and returns its result. */
  JsonNode ok(Exchange ex, String rule) {
    if (ex.status() != 200) {
      throw fail(rule, ex, "expected 200, got " + (ex.status() < 0 ? "no response" : ex.status()));
    }
    String p = envelopeProblem(ex);
    if (p != null) {
      throw fail("E1", ex, p);
    }
    return ex.json().get("result");
  }

  /** Asserts a failure answer with {@code status} and one of {@code codes} (E1 envelope). */
  public void error(Exchange ex, String rule, int status, int... codes) {
    errorAnyStatus(ex, rule, new int[] {status}, codes);
  }

  public void errorAnyStatus(Exchange ex, String rule, int[] statuses, int... codes) {
    boolean statusOk = Arrays.stream(statuses).anyMatch(s -> s == ex.status());
    if (!statusOk) {
      throw fail(rule, ex, "expected HTTP " + join(statuses) + (codes.length > 0 ? " with code " + join(codes) : "")
          + ", got " + (ex.status() < 0 ? "no response" : String.valueOf(ex.status())));
    }
    String p = envelopeProblem(ex);
    if (p != null) {
      throw fail("E1", ex, p);
    }
    int code = ex.errorCode();
    if (codes.length > 0 && Arrays.stream(codes).noneMatch(c -> c == code)) {
      throw fail(rule, ex, "expected error code " + join(codes) + ", got " + code);
    }
  }

  private static String join(int[] xs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < xs.length; i++) {
      sb.append(i == 0 ? "" : i == xs.length - 1 ? " or " : ", ").append(xs[i]);
    }
    return sb.toString();
  }

  /** Checks {@code id} and {@code editable} of a wrapper result and returns its {@code value}. */
  private JsonNode wrapper(Exchange ex, JsonNode result, String rule) {
    if (!result.isObject()) {
      throw fail(rule, ex, "result is not an object");
    }
    if (!ID.equals(result.path("id").asText(null))) {
      throw fail(rule, ex, "result.id must be \"" + ID + "\", got " + result.get("id"));
    }
    if (!result.path("editable").isBoolean()) {
      throw fail(rule, ex, "result.editable must be a boolean, got " + result.get("editable"));
    }
    if (reference && !result.get("editable").asBoolean()) {
      throw fail("M4", ex, "result.editable must be true");
    }
    if (!result.has("value")) {
      throw fail(rule, ex, "result lacks \"value\"");
    }
    return result.get("value");
  }

  /** A timestamp: RFC 3339, UTC (M1); null allowed only when {@code nullable}. */
  Instant time(Exchange ex, JsonNode node, String rule, String what, boolean nullable) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      if (nullable) {
        return null;
      }
      throw fail(rule, ex, what + " must be a timestamp, got " + node);
    }
    String s = node.asText();
    if (!node.isTextual() || !RFC3339.matcher(s).matches()) {
      throw fail(rule, ex, what + " must be an RFC 3339 timestamp, got " + node);
    }
    try {
      OffsetDateTime t = OffsetDateTime.parse(s.toUpperCase(java.util.Locale.ROOT));
      if (!t.getOffset().equals(ZoneOffset.UTC)) {
        throw fail(rule, ex, what + " must be UTC, got " + s);
      }
      return t.toInstant();
    } catch (DateTimeParseException e) {
      throw fail(rule, ex, what + " is not a valid date-time: " + s);
    }
  }

  /** A mapping object (M1). */
  ObservedMapping mapping(Exchange ex, JsonNode m, String rule) {
    if (m == null || !m.isObject()) {
      throw fail("M1", ex, "a mapping must be an object, got " + m);
    }
    Set<String> keys = keys(m);
    Set<String> want = Set.of("origin-ip", "vendor", "region", "modified_on");
    if (reference ? !keys.equals(new TreeSet<>(want)) : !keys.containsAll(want)) {
      throw fail("M1", ex, "a mapping has exactly the keys " + new TreeSet<>(want) + ", got " + keys
          + (keys.contains("origin_ip") || keys.contains("ip") ? " (the key is \"origin-ip\", with a hyphen)" : ""));
    }
    for (String k : List.of("origin-ip", "vendor", "region")) {
      if (!m.get(k).isTextual()) {
        throw fail("M1", ex, "\"" + k + "\" must be a string, got " + m.get(k));
      }
    }
    String vendor = m.get("vendor").asText();
    if (!VENDORS.contains(vendor)) {
      throw fail("M1", ex, "vendor must be one of " + new TreeSet<>(VENDORS) + ", got " + vendor);
    }
    Instant at = time(ex, m.get("modified_on"), "M1", "mapping modified_on", false);
    return new ObservedMapping(m.get("origin-ip").asText(), vendor, m.get("region").asText(), m.get("modified_on").asText(), at);
  }

  /**
   * A list answer read leniently, for clean-up: every string that is a valid address in each mapping, whatever its
   * key, so that a target which breaks M1 is still cleaned up. Empty when the answer holds no list.
   */
  public static Snapshot lenient(Exchange ex) {
    List<ObservedMapping> ms = new ArrayList<>();
    JsonNode r = ex.result();
    if (r != null && r.path("value").isArray()) {
      for (JsonNode m : r.get("value")) {
        m.fields().forEachRemaining(f -> {
          if (f.getValue().isTextual() && Address.isValid(f.getValue().asText())) {
            ms.add(new ObservedMapping(f.getValue().asText(), m.path("vendor").asText(""), m.path("region").asText(""),
                m.path("modified_on").asText(null), null));
          }
        });
      }
    }
    return new Snapshot(null, null, ms, ex);
  }

  public static Set<String> keys(JsonNode n) {
    Set<String> s = new TreeSet<>();
    Iterator<String> it = n.fieldNames();
    it.forEachRemaining(s::add);
    return s;
  }

  /** A list answer (list, and upsert which returns the list). */
  public Snapshot snapshot(Exchange ex, String rule) {
    JsonNode value = wrapper(ex, ok(ex, rule), rule);
    JsonNode result = ex.result();
    Instant at = time(ex, result.get("modified_on"), "L1", "list modified_on", true);
    if (!value.isArray()) {
      throw fail(rule, ex, "result.value must be an array of mappings");
    }
    List<ObservedMapping> ms = new ArrayList<>();
    for (JsonNode m : value) {
      ms.add(mapping(ex, m, rule));
    }
    JsonNode mo = result.get("modified_on");
    return new Snapshot(mo == null || mo.isNull() ? null : mo.asText(), at, List.copyOf(ms), ex);
  }

  /** A single-mapping answer (create, get, delete). */
  public ObservedMapping single(Exchange ex, String rule) {
    JsonNode value = wrapper(ex, ok(ex, rule), rule);
    time(ex, ex.result().get("modified_on"), rule, "result modified_on", true);
    ObservedMapping m = mapping(ex, value, rule);
    String asked = askedIp(ex);
    Optional<Address> want = Address.parse(asked);
    if (want.isPresent() && !want.get().toString().equals(m.ip())) {
      throw fail(blameAnswer(want.get(), m.ip(), rule), ex, "the answer for " + asked + " must carry its canonical"
          + " form " + want.get() + ", got " + m.ip());
    }
    return m;
  }

  /** The IP a single-mapping request names: the body's {@code ip} (create), or the last path segment. */
  static String askedIp(Exchange ex) {
    if (ex.method().equals("POST")) {
      try {
        JsonNode b = HttpTarget.JSON.readTree(ex.body());
        return b.path("ip").asText(null);
      } catch (Exception e) {
        return null;
      }
    }
    String path = ex.url().replaceFirst("\\?.*$", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    return java.net.URLDecoder.decode(last.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * The rule an address answered for {@code want} breaks when it is {@code got}: an IPv4-mapped address folded into
   * its IPv4 address breaks IP3's [ref] part; the right address in another spelling breaks IP2; another address
   * altogether breaks the operation's rule.
   */
  static String blameAnswer(Address want, String got, String rule) {
    if (want.isV4Mapped() && got.equals(want.dottedTail())) {
      return "IP3 [ref]";
    }
    Optional<Address> g = Address.parse(got);
    if (g.isPresent() && g.get().equals(want)) {
      return want.isV4Mapped() ? "IP2 [ref]" : "IP2";
    }
    return rule;
  }

  /** A batch answer (batch upsert, batch delete). */
  public ObservedBatch batch(Exchange ex, String rule) {
    JsonNode value = wrapper(ex, ok(ex, rule), rule);
    JsonNode result = ex.result();
    if (!result.has("modified_on")) {
      throw fail("BD7", ex, "batch result lacks modified_on (null when nothing succeeded)");
    }
    Instant at = time(ex, result.get("modified_on"), "BD7", "batch modified_on", true);
    if (!value.isObject() || !value.path("succeeded").isArray() || !value.path("failed").isArray()) {
      throw fail(rule, ex, "result.value must hold the arrays \"succeeded\" and \"failed\"");
    }
    List<ObservedBatch.Item> ok = new ArrayList<>();
    for (JsonNode i : value.get("succeeded")) {
      ok.add(item(ex, i, true));
    }
    List<ObservedBatch.Item> bad = new ArrayList<>();
    for (JsonNode i : value.get("failed")) {
      bad.add(item(ex, i, false));
    }
    answersTheRequest(ex, ok, bad, ex.method().equals("PATCH") ? "BU2" : "BD5");
    JsonNode mo = result.get("modified_on");
    return new ObservedBatch(mo.isNull() ? null : mo.asText(), at, List.copyOf(ok), List.copyOf(bad), ex);
  }

  /**
   * Every succeeded item names, in canonical form, an address of the request: an IPv4-mapped address answered as
   * IPv4 (or a duplicate made of the two) breaks IP3's [ref] part, another spelling IP2.
   */
  static void answersTheRequest(Exchange ex, List<ObservedBatch.Item> ok, List<ObservedBatch.Item> bad, String op) {
    List<Address> asked = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    try {
      for (JsonNode i : HttpTarget.JSON.readTree(ex.body())) {
        String text = i.isTextual() ? i.asText() : i.path(i.has("origin_ip") ? "origin_ip" : "ip").asText("");
        texts.add(text);
        Address.parse(text).ifPresent(asked::add);
      }
    } catch (Exception e) {
      return;
    }
    Set<String> canonical = new java.util.HashSet<>();
    asked.forEach(ip -> canonical.add(ip.toString()));
    for (ObservedBatch.Item i : ok) {
      Optional<String> misread = texts.stream().filter(x -> !Address.isValid(x)
          && Address.lenientCanonical(x).filter(i.ip()::equals).isPresent()).findFirst();
      if (!canonical.contains(i.ip()) && misread.isPresent()) {
        throw fail("IP1 [ref]", ex, "\"" + misread.get() + "\" is not an IP address, yet the answer reads it as "
            + i.ip());
      }
      if (!canonical.contains(i.ip())) {
        Address want = asked.stream().filter(a -> !blameAnswer(a, i.ip(), op).equals(op)).findFirst().orElse(null);
        throw fail(want == null ? op : blameAnswer(want, i.ip(), op), ex, "succeeded item " + i.ip()
            + " is not the canonical form of an address of the request " + canonical);
      }
    }
    for (ObservedBatch.Item i : bad) {
      long same = asked.stream().filter(a -> a.toString().equals(i.ip())).count();
      if (i.error() != null && i.error().toLowerCase(java.util.Locale.ROOT).contains("duplicate") && same == 1
          && canonical.contains("::ffff:" + i.ip())) {
        throw fail("IP3 [ref]", ex, i.ip() + " and ::ffff:" + i.ip() + " are two mappings, not duplicates in one "
            + "request; the answer failed one as a duplicate");
      }
    }
  }

  private ObservedBatch.Item item(Exchange ex, JsonNode i, boolean succeeded) {
    if (!i.isObject() || !i.path("origin-ip").isTextual()) {
      throw fail("M1, BD5", ex, "every batch item is an object with a string \"origin-ip\" (with a hyphen), got " + i);
    }
    String op = ex.method().equals("PATCH") ? "BU2" : "BD5";
    Set<String> keys = keys(i);
    if (succeeded) {
      if (!i.path("vendor").isTextual() || !i.path("region").isTextual()) {
        throw fail(op, ex, "a succeeded item carries \"vendor\" and \"region\", got " + i);
      }
      if (i.has("error")) {
        throw fail(op, ex, "a succeeded item has no \"error\", got " + i);
      }
      if (reference && !keys.equals(Set.of("origin-ip", "vendor", "region"))) {
        throw fail("BD5 [ref]", ex, "a succeeded item has exactly origin-ip, vendor and region, got " + keys);
      }
    } else {
      if (!i.path("error").isTextual() || i.get("error").asText().isBlank()) {
        throw fail("BD5 [ref]", ex, "a failed item carries a non-empty \"error\", got " + i);
      }
      if (reference && !keys.equals(Set.of("origin-ip", "error"))) {
        throw fail("BD5 [ref]", ex, "a failed item has exactly origin-ip and error (no vendor or region), got " + keys);
      }
    }
    return new ObservedBatch.Item(i.get("origin-ip").asText(), text(i, "vendor"), text(i, "region"), text(i, "error"));
  }

  private static String text(JsonNode n, String k) {
    JsonNode v = n.get(k);
    return v == null || v.isNull() ? null : v.asText();
  }
}
