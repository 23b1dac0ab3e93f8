package dev.origincloudregions.sdk;

/**
 * A {@code bulkDeleteAll}, {@code bulkPutAll} or (v1) {@code bulkUpsertAll} call stopped because one
 * batch failed as a whole.
 * The batches before it were applied; {@link #completed()} holds their merged result, {@link
 * #itemsSent()} says how many input items they covered, and the cause says why the next batch failed.
 */
public final class BatchAbortedException extends OriginCloudRegionsException {
  private static final long serialVersionUID = 1L;

  private final transient BatchResult completed;
  private final int itemsSent;

  BatchAbortedException(BatchResult completed, int itemsSent, int itemsTotal, RuntimeException cause) {
    super(
        "batch stopped after " + itemsSent + " of " + itemsTotal + " items: " + cause.getMessage(),
        cause);
    this.completed = completed;
    this.itemsSent = itemsSent;
  }

  /** The merged result of the batches that were applied before the failure. */
  public BatchResult completed() {
    return completed;
  }

  /** How many input items (from the start of the input) were sent in applied batches. */
  public int itemsSent() {
    return itemsSent;
  }
}
