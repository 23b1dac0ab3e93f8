package dev.origincloudregions.server;

/**
 * A request refused as a whole, carrying its answer: thrown to leave deep code quickly, without a
 * stack trace. Nothing has changed when one is thrown [E5].
 */
final class Refusal extends Exception {
  private static final long serialVersionUID = 1L;
  final transient Reply reply;

  Refusal(Reply reply) {
    super(null, null, false, false);
    this.reply = reply;
  }
}
