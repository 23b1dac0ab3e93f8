package dev.origincloudregions.sdk;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The {@code bulk*All} helpers of both families: split into batches, send in order, merge in order. */
final class Batches {
  private Batches() {}

  /** Sends one batch of at most {@link OriginCloudRegions#MAX_BATCH_SIZE} items. */
  interface Send<T> {
    BatchResult send(List<T> chunk);
  }

  /**
   * Sends {@code items} in batches of {@link OriginCloudRegions#MAX_BATCH_SIZE}, in input order, telling
   * the listener after each, and merges the results in input order; {@code modifiedOn} is the latest of
   * the batches' (null when none has one). A batch that fails as a whole stops the call with {@link
   * BatchAbortedException}, which holds what the earlier batches did.
   */
  static <T> BatchResult inBatches(List<T> items, BatchProgressListener listener, Send<T> send) {
    Objects.requireNonNull(listener, "listener == null");
    List<BatchItem> succeeded = new ArrayList<>();
    List<BatchItem> failed = new ArrayList<>();
    List<BatchItem> possiblyApplied = new ArrayList<>();
    OffsetDateTime modifiedOn = null;
    for (int from = 0; from < items.size(); from += OriginCloudRegions.MAX_BATCH_SIZE) {
      int to = Math.min(items.size(), from + OriginCloudRegions.MAX_BATCH_SIZE);
      BatchResult batch;
      try {
        batch = send.send(items.subList(from, to));
      } catch (OriginCloudRegionsException e) {
        throw new BatchAbortedException(new BatchResult(modifiedOn, succeeded, failed, possiblyApplied), from, items.size(), e);
      }
      succeeded.addAll(batch.succeeded());
      failed.addAll(batch.failed());
      possiblyApplied.addAll(batch.possiblyApplied());
      modifiedOn = latest(modifiedOn, batch.modifiedOn());
      listener.batchDone(to, items.size(), batch);
    }
    return new BatchResult(modifiedOn, succeeded, failed, possiblyApplied);
  }

  /**
   * A batch delete's answer read after an attempt whose outcome is unknown: its "not found" items move to
   * {@link BatchResult#possiblyApplied()} (BD10: the lost attempt may have deleted them). Other failures
   * (invalid IP, duplicate in request) stay failures: no attempt could have applied them.
   */
  static BatchResult afterLostDelete(BatchResult answer) {
    List<BatchItem> failed = new ArrayList<>();
    List<BatchItem> possiblyApplied = new ArrayList<>(answer.possiblyApplied());
    for (BatchItem item : answer.failed()) {
      if (item.error() != null && item.error().toLowerCase(Locale.ROOT).contains("not found")) {
        possiblyApplied.add(new BatchItem(item.originIp(), null, null, item.error(), BatchItem.Outcome.POSSIBLY_APPLIED));
      } else {
        failed.add(item);
      }
    }
    return new BatchResult(answer.modifiedOn(), answer.succeeded(), failed, possiblyApplied);
  }

  private static @Nullable OffsetDateTime latest(@Nullable OffsetDateTime a, @Nullable OffsetDateTime b) {
    if (a == null) {
      return b;
    }
    return b == null || !b.isAfter(a) ? a : b;
  }
}
