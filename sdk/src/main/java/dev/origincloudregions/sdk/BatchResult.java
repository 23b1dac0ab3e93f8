package dev.origincloudregions.sdk;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a batch: one item per request item, in two arrays that each keep the request's order.
 * Both families answer it; only v1's carries a time.
 *
 * @param modifiedOn v1 only: the time of this change, {@code null} when nothing succeeded; always {@code
 *     null} for v2, whose batch results carry no time (each mapping has its own {@link
 *     Mapping#modifiedOn()})
 * @param succeeded the items that were applied
 * @param failed the items that were not, each with an {@link BatchItem#error() error}
 */
public record BatchResult(
    @Nullable OffsetDateTime modifiedOn, List<BatchItem> succeeded, List<BatchItem> failed) {
  public BatchResult {
    succeeded = List.copyOf(succeeded);
    failed = List.copyOf(failed);
  }

  /** Whether every item succeeded (also true for an empty batch). */
  public boolean allSucceeded() {
    return failed.isEmpty();
  }
}
