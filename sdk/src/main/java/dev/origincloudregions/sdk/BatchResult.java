package dev.origincloudregions.sdk;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a batch: one item per request item, in three lists that each keep the request's order.
 * Both families answer it; only v1's carries a time.
 *
 * @param modifiedOn v1 only: the time of this change, {@code null} when nothing succeeded; always {@code
 *     null} for v2, whose batch results carry no time (each mapping has its own {@link
 *     Mapping#modifiedOn()})
 * @param succeeded the items that were applied
 * @param failed the items that were not, each with an {@link BatchItem#error() error}
 * @param possiblyApplied batch delete only: items a retry reported "not found" after an attempt whose
 *     answer was lost, which may have deleted them ({@link BatchItem.Outcome#POSSIBLY_APPLIED}); empty
 *     unless the call was retried after such an attempt
 */
public record BatchResult(
    @Nullable OffsetDateTime modifiedOn,
    List<BatchItem> succeeded,
    List<BatchItem> failed,
    List<BatchItem> possiblyApplied) {
  public BatchResult {
    succeeded = List.copyOf(succeeded);
    failed = List.copyOf(failed);
    possiblyApplied = List.copyOf(possiblyApplied);
  }

  /** A result as the server answers it, with nothing possibly applied. */
  public BatchResult(@Nullable OffsetDateTime modifiedOn, List<BatchItem> succeeded, List<BatchItem> failed) {
    this(modifiedOn, succeeded, failed, List.of());
  }

  /**
   * Whether no item failed (also true for an empty batch). Possibly applied items are not failures: the
   * mappings are gone either way.
   */
  public boolean allSucceeded() {
    return failed.isEmpty();
  }
}
