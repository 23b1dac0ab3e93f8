package dev.origincloudregions.conformance.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.origincloudregions.conformance.http.Exchange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict readers of the v2 family's answers (contract section 9), as {@link Shapes} is for v1: the key
 * {@code origin_ip} and flat results (VK1), entries, the delete answer (VG1), list pages with {@code result_info}
 * (VL1) and batch results (VBD1, VBU1). A broken answer throws a {@link Violation} naming a v2 rule, or a rule of
 * sections 1 to 4 (E1, IP2, IP3) where that is the rule the answer breaks.
 */
public final class V2Shapes {
  private static final Set<String> ENTRY_KEYS = Set.of("origin_ip", "vendor", "region", "modified_on");
  private static final List<String> PAGING = List.of("page", "per_page", "count", "total_count", "total_pages");
  /** The v1 result wrapper's keys: a v2 result that has them is not flat (VK1). */
  private static final Set<String> V1_WRAPPER = Set.of("id", "editable", "value");

  private final Shapes shapes;
  private final boolean reference;

  public V2Shapes(Shapes shapes, boolean reference) {
    this.shapes = shapes;
    this.reference = reference;
  }

  /** One list page as answered: its entries in order and its {@code result_info}. */
  public record Page(List<ObservedMapping> entries, long page, long perPage, long count, long totalCount,
      long totalPages, Exchange exchange) {}

  /**
   * An entry ({@code {"origin_ip", vendor, region, modified_on}}): the key spelling and flatness are VK1's, the
   * values the operation's {@code rule}.
   */
  ObservedMapping entry(Exchange ex, JsonNode m, String rule) {
    if (m == null || !m.isObject()) {
      throw Shapes.fail("VK1", ex, "an entry is a flat object {origin_ip, vendor, region, modified_on}, got " + m);
    }
    Set<String> keys = Shapes.keys(m);
    if (!keys.contains("origin_ip") || keys.contains("origin-ip")) {
      throw Shapes.fail("VK1", ex, "a v2 entry carries the key \"origin_ip\" (with an underscore), never "
          + "\"origin-ip\"; got the keys " + keys + (keys.containsAll(V1_WRAPPER) ? " (a v1 wrapper: v2 results "
          + "are flat)" : ""));
    }
    if (reference ? !keys.equals(new TreeSet<>(ENTRY_KEYS)) : !keys.containsAll(ENTRY_KEYS)) {
      throw Shapes.fail(reference ? "VK1" : rule, ex, "an entry has " + (reference ? "exactly" : "at least")
          + " the keys " + new TreeSet<>(ENTRY_KEYS) + ", got " + keys);
    }
    for (String k : List.of("origin_ip", "vendor", "region")) {
      if (!m.get(k).isTextual()) {
        throw Shapes.fail(rule, ex, "\"" + k + "\" must be a string, got " + m.get(k));
      }
    }
    String vendor = m.get("vendor").asText();
    if (!Shapes.VENDORS.contains(vendor)) {
      throw Shapes.fail(rule, ex, "vendor must be one of " + new TreeSet<>(Shapes.VENDORS) + ", got " + vendor);
    }
    Instant at = shapes.time(ex, m.get("modified_on"), rule, "entry modified_on", false);
    return new ObservedMapping(m.get("origin_ip").asText(), vendor, m.get("region").asText(),
        m.get("modified_on").asText(), at);
  }

  /** A single-entry answer (get, put): the entry of the address the path names, canonical. */
  public ObservedMapping single(Exchange ex, String rule) {
    ObservedMapping m = entry(ex, shapes.ok(ex, rule), rule);
    String asked = Shapes.askedIp(ex);
    Optional<Address> want = Address.parse(asked);
    if (want.isPresent() && !want.get().toString().equals(m.ip())) {
      throw Shapes.fail(Shapes.blameAnswer(want.get(), m.ip(), rule), ex, "the answer for " + asked
          + " must carry its canonical form " + want.get() + ", got " + m.ip());
    }
    return m;
  }

  /** A single delete's answer: {@code {"origin_ip"}} of the removed mapping, canonical (VG1). */
  public String deleted(Exchange ex) {
    JsonNode r = shapes.ok(ex, "VG1");
    if (!r.isObject() || !r.path("origin_ip").isTextual()) {
      throw Shapes.fail(r.isObject() && (r.has("origin-ip") || r.has("value")) ? "VK1" : "VG1", ex,
          "delete answers {\"origin_ip\": ...}, got " + r);
    }
    if (reference && !Shapes.keys(r).equals(Set.of("origin_ip"))) {
      throw Shapes.fail("VG1", ex, "delete answers exactly {\"origin_ip\"}, not the whole entry; got the keys "
          + Shapes.keys(r));
    }
    String got = r.get("origin_ip").asText();
    String asked = Shapes.askedIp(ex);
    Optional<Address> want = Address.parse(asked);
    if (want.isPresent() && !want.get().toString().equals(got)) {
      // VG1 itself says the answer is canonical; only an IPv4-mapped address answered as its IPv4 is IP3's matter.
      String rule = want.get().isV4Mapped() && got.equals(want.get().dottedTail()) ? "IP3 [ref]" : "VG1";
      throw Shapes.fail(rule, ex, "delete of " + asked + " must answer its "
          + "canonical form " + want.get() + ", got " + got);
    }
    return got;
  }

  /** A list page: a flat array of entries (VK1) and {@code result_info} with its five counts (VL1). */
  public Page page(Exchange ex) {
    JsonNode r = shapes.ok(ex, "VL1");
    if (!r.isArray()) {
      throw Shapes.fail("VK1", ex, "a v2 list's result is a flat array of entries, got "
          + (r.isObject() ? "an object with the keys " + Shapes.keys(r) : String.valueOf(r)));
    }
    List<ObservedMapping> entries = new ArrayList<>();
    for (JsonNode e : r) {
      entries.add(entry(ex, e, "VL1"));
    }
    JsonNode info = ex.json().get("result_info");
    if (info == null || !info.isObject()) {
      throw Shapes.fail("VL1", ex, "a list answer carries result_info beside result, got " + info);
    }
    long[] v = new long[PAGING.size()];
    for (int i = 0; i < v.length; i++) {
      JsonNode n = info.get(PAGING.get(i));
      if (n == null || !n.isIntegralNumber() || n.asLong() < 0) {
        throw Shapes.fail("VL1", ex, "result_info." + PAGING.get(i) + " must be an integer >= 0, got " + n);
      }
      v[i] = n.asLong();
    }
    return new Page(List.copyOf(entries), v[0], v[1], v[2], v[3], v[4], ex);
  }

  /**
   * A batch answer: a flat {@code {succeeded, failed}} (VK1) whose items carry {@code origin_ip}; {@code op} is
   * VBD1 or VBU1.
   */
  public ObservedBatch batch(Exchange ex, String op) {
    JsonNode r = shapes.ok(ex, op);
    if (!r.isObject() || !r.path("succeeded").isArray() || !r.path("failed").isArray()) {
      throw Shapes.fail(r.isObject() && r.has("value") ? "VK1" : op, ex, "a v2 batch result is a flat "
          + "{succeeded, failed}, got " + (r.isObject() ? "the keys " + Shapes.keys(r) : String.valueOf(r)));
    }
    Set<String> extra = new TreeSet<>(Shapes.keys(r));
    extra.removeAll(Set.of("succeeded", "failed"));
    if (!extra.isEmpty() && (reference || extra.stream().anyMatch(V1_WRAPPER::contains))) {
      throw Shapes.fail("VK1", ex, "a v2 batch result is flat, exactly {succeeded, failed}, without v1's id, "
          + "editable, value or modified_on; got also " + extra);
    }
    List<ObservedBatch.Item> ok = new ArrayList<>();
    for (JsonNode i : r.get("succeeded")) {
      ok.add(item(ex, i, true, op));
    }
    List<ObservedBatch.Item> bad = new ArrayList<>();
    for (JsonNode i : r.get("failed")) {
      bad.add(item(ex, i, false, op));
    }
    Shapes.answersTheRequest(ex, ok, bad, op);
    return new ObservedBatch(null, null, List.copyOf(ok), List.copyOf(bad), ex);
  }

  private ObservedBatch.Item item(Exchange ex, JsonNode i, boolean succeeded, String op) {
    if (!i.isObject() || !i.path("origin_ip").isTextual() || i.has("origin-ip")) {
      throw Shapes.fail("VK1", ex, "every v2 batch item is an object with a string \"origin_ip\" (with an "
          + "underscore), got " + i);
    }
    Set<String> keys = Shapes.keys(i);
    if (succeeded) {
      if (!i.path("vendor").isTextual() || !i.path("region").isTextual()) {
        throw Shapes.fail(op, ex, "a succeeded item carries \"vendor\" and \"region\" (" + (op.equals("VBD1")
            ? "of the removed mapping" : "the new ones") + "), got " + i);
      }
      if (i.has("error")) {
        throw Shapes.fail(op, ex, "a succeeded item has no \"error\", got " + i);
      }
      if (reference && !keys.equals(Set.of("origin_ip", "vendor", "region"))) {
        throw Shapes.fail(op + " [ref]", ex, "a succeeded item has exactly origin_ip, vendor and region, got " + keys);
      }
    } else {
      if (!i.path("error").isTextual() || i.get("error").asText().isBlank()) {
        throw Shapes.fail(op + " [ref]", ex, "a failed item carries a non-empty \"error\", got " + i);
      }
      if (reference && !keys.equals(Set.of("origin_ip", "error"))) {
        throw Shapes.fail(op + " [ref]", ex, "a failed item has exactly origin_ip and error (no vendor or region), "
            + "got " + keys);
      }
    }
    return new ObservedBatch.Item(i.get("origin_ip").asText(), text(i, "vendor"), text(i, "region"),
        text(i, "error"));
  }

  private static String text(JsonNode n, String k) {
    JsonNode v = n.get(k);
    return v == null || v.isNull() ? null : v.asText();
  }

  /**
   * The v2 reading of a violation found by code shared with v1 (the batch model, the unchanged-zone comparisons):
   * a batch rule (BD1 to BD11, BU1 to BU5) becomes {@code op} (VBD1 or VBU1, whose text says the BD and BU rules
   * hold for v2) with the same [doc] or [ref] part; M1 becomes VK1, create and upsert (C1, U1) VP1, get and delete
   * (G1, G2) VG1. The rules of sections 1 to 4 stay as they are.
   */
  public static Violation translate(Violation v, String op) {
    List<Breach> out = new ArrayList<>();
    for (Breach b : v.breaches()) {
      Breach t = switch (b.rule().replaceAll("[0-9]+$", "")) {
        case "BD", "BU", "L" -> new Breach(op, b.ref());
        case "M" -> b.rule().equals("M1") ? new Breach("VK1", false) : b;
        case "C", "U" -> new Breach("VP1", b.ref());
        case "G" -> new Breach("VG1", b.ref());
        default -> b;
      };
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    return out.equals(v.breaches()) ? v : new Violation(out, v.detail(), v.exchange());
  }
}
