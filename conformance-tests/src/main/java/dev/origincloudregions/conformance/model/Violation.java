package dev.origincloudregions.conformance.model;

import dev.origincloudregions.conformance.http.Exchange;
import dev.origincloudregions.conformance.http.Recorder;
import java.util.List;

/**
 * Rules broken by the target: which rules (or which parts of mixed rules, see {@link Breach}), what was wrong, and
 * the exchange that shows it. Thrown inside checks and properties; QuickTheories shrinks the input that produced it.
 */
public final class Violation extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final transient List<Breach> breaches;
  private final String detail;
  private final transient Exchange exchange;
  private final int atRequest;

  /**
   * @param rules the rules whose text the target broke, as {@link Breach#parse} reads them: {@code "M1, BD5"},
   *     {@code "BD5 [ref]"}
   */
  public Violation(String rules, String detail, Exchange exchange) {
    this(Breach.parse(rules), detail, exchange);
  }

  public Violation(List<Breach> breaches, String detail, Exchange exchange) {
    super(Breach.join(breaches) + ": " + detail + (exchange == null ? "" : "\n  request: " + exchange.brief()
        + "\n  response: " + exchange.responseBrief()));
    if (breaches.isEmpty()) {
      throw new IllegalArgumentException("a violation breaks at least one rule");
    }
    this.breaches = List.copyOf(breaches);
    this.detail = detail;
    this.exchange = exchange;
    this.atRequest = Recorder.position();
  }

  /** How many requests of the check (or of its failing example) had been sent when this was found; -1 unknown. */
  public int atRequest() {
    return atRequest;
  }

  public List<Breach> breaches() {
    return breaches;
  }

  /** What was wrong, without the rule IDs and the exchange. */
  public String detail() {
    return detail;
  }

  /** True when only [ref] rules or parts are broken: the documented profile does not judge it. */
  public boolean referenceOnly() {
    return breaches.stream().allMatch(Breach::ref);
  }

  public Exchange exchange() {
    return exchange;
  }
}
