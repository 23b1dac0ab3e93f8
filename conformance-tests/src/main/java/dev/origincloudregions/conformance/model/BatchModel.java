package dev.origincloudregions.conformance.model;

import dev.origincloudregions.conformance.http.Exchange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The model of the two batch operations (BD3-BD6, BU2) and the comparison of an answer with it. When they differ,
 * the comparison names the rule whose text the answer breaks, not merely the rule of the operation: a valid text
 * answered in another spelling breaks IP2, an invalid text treated as an address IP1, a duplicate processed twice
 * BD5's [ref] part, the right items in the wrong order BD4.
 */
public final class BatchModel {
  static final String INVALID = "invalid";
  public static final String NOT_FOUND = "not found";
  static final String DUPLICATE = "duplicate";
  static final String UNLISTED = "unlisted pair";

  private BatchModel() {}

  /**
   * What the model expects for one item.
   *
   * @param ok whether the item succeeds
   * @param ip the canonical IP when the text is valid, else the text as sent (BD6)
   * @param category why it fails, or null
   * @param mapping the removed mapping (delete) or the new one (upsert, with a null modified_on)
   * @param sent the text as sent
   */
  public record Expected(boolean ok, String ip, String category, ObservedMapping mapping, String sent) {}

  /** Batch delete: applies {@code texts} in order to {@code state} (canonical IP to mapping). */
  public static List<Expected> delete(List<String> texts, Map<String, ObservedMapping> state) {
    List<Expected> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String text : texts) {
      Optional<String> c = Address.canonical(text);
      if (c.isEmpty()) {
        out.add(new Expected(false, text, INVALID, null, text));
      } else if (!seen.add(c.get())) {
        out.add(new Expected(false, c.get(), DUPLICATE, null, text));
      } else if (state.containsKey(c.get())) {
        out.add(new Expected(true, c.get(), null, state.remove(c.get()), text));
      } else {
        out.add(new Expected(false, c.get(), NOT_FOUND, null, text));
      }
    }
    return out;
  }

  /**
   * Batch upsert: succeeded entries carry the new mapping (with a null modified_on, meaning "set by this change");
   * {@code state} becomes the zone after the batch.
   */
  public static List<Expected> upsert(RegionCatalogue catalogue, List<Map<String, String>> body, Map<String, ObservedMapping> state) {
    List<Expected> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Map<String, String> item : body) {
      String text = item.containsKey("origin_ip") ? item.get("origin_ip") : item.get("ip");
      Optional<String> c = Address.canonical(text);
      VendorRegion p = new VendorRegion(item.get("vendor"), item.get("region"));
      if (c.isEmpty()) {
        out.add(new Expected(false, text, INVALID, null, text));
      } else if (!seen.add(c.get())) {
        out.add(new Expected(false, c.get(), DUPLICATE, null, text));
      } else if (!catalogue.lists(p)) {
        out.add(new Expected(false, c.get(), UNLISTED, null, text));
      } else {
        ObservedMapping m = new ObservedMapping(c.get(), p.vendor(), p.region(), null, null);
        state.put(c.get(), m);
        out.add(new Expected(true, c.get(), null, m, text));
      }
    }
    return out;
  }

  /**
   * Compares a batch answer with the model. {@code upsert} tells the operation: its item rule is BU2, batch delete's
   * BD5. {@code repeat} names the rule of a repeated request (BD10), which decides what "succeeded" means there.
   */
  public static void compare(boolean reference, ObservedBatch r, List<Expected> expected, boolean upsert, String repeat) {
    Exchange ex = r.exchange();
    String itemRule = repeat != null ? repeat : upsert ? "BU2" : "BD5";
    List<String> wantOk = expected.stream().filter(Expected::ok).map(Expected::ip).toList();
    List<Expected> bad = expected.stream().filter(e -> !e.ok()).toList();
    List<String> gotOk = r.succeeded().stream().map(ObservedBatch.Item::ip).toList();
    List<String> gotBad = r.failed().stream().map(ObservedBatch.Item::ip).toList();

    // IP2: an address answered in another spelling than its canonical one.
    for (ObservedBatch.Item i : r.succeeded()) {
      Optional<Address> ip = Address.parse(i.ip());
      if (ip.isPresent() && !ip.get().toString().equals(i.ip())) {
        throw new Violation(ip.get().isV4Mapped() ? "IP2 [ref]" : "IP2", "succeeded item " + i.ip()
            + " is not in canonical form, " + ip.get(), ex);
      }
    }
    if (!reference) {
      if (!new HashSet<>(gotOk).equals(new HashSet<>(wantOk))) {
        diagnoseSets(false, expected, r, ex, upsert);
        throw new Violation(itemRule, "succeeded must be " + wantOk + ", got " + gotOk, ex);
      }
      long mustFail = bad.stream().filter(b -> !b.category().equals(DUPLICATE)).count();
      if (r.failed().size() < mustFail) {
        throw new Violation(itemRule, "every invalid or absent IP is reported failed, got " + r.failed(), ex);
      }
      return;
    }
    for (ObservedBatch.Item f : r.failed()) {
      Optional<Address> ip = Address.parse(f.ip());
      if (ip.isPresent() && !ip.get().toString().equals(f.ip())) {
        throw new Violation("BD6", "failed item " + f.ip() + " is a valid address, so it is answered in canonical "
            + "form, " + ip.get(), ex);
      }
    }
    List<String> wantBad = bad.stream().map(Expected::ip).toList();
    if (gotOk.equals(wantOk) && gotBad.equals(wantBad)) {
      for (int i = 0; i < bad.size(); i++) {
        String err = r.failed().get(i).error().toLowerCase(Locale.ROOT);
        String want = bad.get(i).category();
        if (!want.equals(UNLISTED) && !err.contains(want)) {
          throw new Violation(upsert ? "BU2 [ref]" : "BD5 [ref]", "failed item " + bad.get(i).ip() + " must say \""
              + want + (want.equals(INVALID) ? " IP address" : want.equals(DUPLICATE) ? " in request" : "")
              + "\", got \"" + r.failed().get(i).error() + "\"", ex);
        }
      }
      return;
    }
    diagnoseSets(true, expected, r, ex, upsert);
    String sides = "succeeded must be " + wantOk + " and failed " + wantBad + " (canonical when valid, else as sent; "
        + "in request order), got " + gotOk + " and " + gotBad;
    if (gotOk.size() + gotBad.size() != expected.size()) {
      throw new Violation("BD4", "|succeeded| + |failed| must equal the " + expected.size() + " items sent, got "
          + gotOk.size() + " + " + gotBad.size() + "; " + sides, ex);
    }
    if (sameMultiset(gotOk, wantOk) && sameMultiset(gotBad, wantBad)) {
      throw new Violation("BD4", "both arrays keep the request's order: " + sides, ex);
    }
    if (gotOk.equals(wantOk) && gotBad.size() == wantBad.size()) {
      for (int i = 0; i < gotBad.size(); i++) {
        Expected e = bad.get(i);
        if (!gotBad.get(i).equals(e.ip()) && gotBad.get(i).equals(e.sent()) && Address.isValid(e.sent())) {
          throw new Violation("BD6", "a failed item's origin-ip is the canonical form of a valid text: " + e.sent()
              + " must be answered as " + e.ip() + "; " + sides, ex);
        }
      }
    }
    throw new Violation(itemRule, sides, ex);
  }

  /**
   * Names the rule behind a difference in which items succeeded: an invalid text treated as an address (IP1), a
   * duplicate processed again (BD5 or BU2, [ref]), an IPv4-mapped address folded into IPv4 (IP3, [ref]).
   */
  private static void diagnoseSets(boolean reference, List<Expected> expected, ObservedBatch r, Exchange ex,
      boolean upsert) {
    List<String> gotOk = r.succeeded().stream().map(ObservedBatch.Item::ip).toList();
    List<String> gotBad = r.failed().stream().map(ObservedBatch.Item::ip).toList();
    for (ObservedBatch.Item f : r.failed()) {
      boolean invalid = f.error().toLowerCase(Locale.ROOT).contains(INVALID);
      Optional<Expected> e = expected.stream().filter(x -> x.ok() && (x.ip().equals(f.ip()) || x.sent().equals(f.ip())))
          .findFirst();
      if (invalid && e.isPresent()) {
        throw new Violation("IP1", "\"" + e.get().sent() + "\" is a valid IP address, yet the answer fails it as "
            + "invalid", ex);
      }
    }
    Map<String, Integer> okCount = new HashMap<>();
    gotOk.forEach(ip -> okCount.merge(ip, 1, Integer::sum));
    Set<String> answered = new HashSet<>(gotOk);
    answered.addAll(gotBad);
    for (String a : answered) {
      if (!Address.isValid(a) || expected.stream().anyMatch(x -> x.ip().equals(a) || x.sent().equals(a))) {
        continue;
      }
      // An address nobody asked for: the server read one of the invalid texts as it.
      Optional<Expected> misread = expected.stream().filter(x -> INVALID.equals(x.category())
          && Address.lenientCanonical(x.sent()).filter(a::equals).isPresent()).findFirst();
      if (misread.isPresent()) {
        throw new Violation("IP1 [ref]", "\"" + misread.get().sent() + "\" is not an IP address, yet the answer reads "
            + "it as " + a, ex);
      }
    }
    for (Expected e : expected) {
      if (reference && e.ok() && okCount.getOrDefault(e.ip(), 0) > 1) {
        throw new Violation(upsert ? "BU2 [ref]" : "BD5 [ref]", e.ip() + " is reported succeeded "
            + okCount.get(e.ip()) + " times: a duplicate in one request must fail (\"duplicate in request\")", ex);
      }
    }
    for (String a : answered) {
      Optional<Address> ip = Address.parse(a);
      if (ip.isPresent() && ip.get().isV4() && expected.stream().anyMatch(x -> x.ip().equals("::ffff:" + a))
          && expected.stream().noneMatch(x -> x.ip().equals(a))) {
        throw new Violation("IP3 [ref]", "::ffff:" + a + " is answered as " + a + ": an IPv4-mapped address and "
            + "its IPv4 address are two mappings", ex);
      }
    }
  }

  private static boolean sameMultiset(List<String> a, List<String> b) {
    Map<String, Integer> m = new HashMap<>();
    a.forEach(x -> m.merge(x, 1, Integer::sum));
    b.forEach(x -> m.merge(x, -1, Integer::sum));
    return m.values().stream().allMatch(v -> v == 0);
  }
}
