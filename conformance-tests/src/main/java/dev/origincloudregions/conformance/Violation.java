package dev.origincloudregions.conformance;

/**
 * A rule broken by the target: which rule, what was wrong, and the exchange that shows it. Thrown inside checks and
 * properties; QuickTheories shrinks the input that produced it.
 */
final class Violation extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final String rule;
  private final transient Exchange exchange;

  Violation(String rule, String message, Exchange exchange) {
    super(rule + ": " + message + (exchange == null ? "" : "\n  request: " + exchange.brief()
        + "\n  response: " + exchange.responseBrief()));
    this.rule = rule;
    this.exchange = exchange;
  }

  String rule() {
    return rule;
  }

  Exchange exchange() {
    return exchange;
  }
}
