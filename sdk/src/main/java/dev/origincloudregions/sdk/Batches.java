package dev.origincloudregions.sdk;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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
    OffsetDateTime modifiedOn = null;
    for (int from = 0; from < items.size(); from += OriginCloudRegions.MAX_BATCH_SIZE) {
      int to = Math.min(items.size(), from + OriginCloudRegions.MAX_BATCH_SIZE);
      BatchResult batch;
      try {
        batch = send.send(items.subList(from, to));
      } catch (OriginCloudRegionsException e) {
        throw new BatchAbortedException(new BatchResult(modifiedOn, succeeded, failed), from, items.size(), e);
      }
      succeeded.addAll(batch.succeeded());
      failed.addAll(batch.failed());
      modifiedOn = latest(modifiedOn, batch.modifiedOn());
      listener.batchDone(to, items.size(), batch);
    }
    return new BatchResult(modifiedOn, succeeded, failed);
  }

  private static @Nullable OffsetDateTime latest(@Nullable OffsetDateTime a, @Nullable OffsetDateTime b) {
    if (a == null) {
      return b;
    }
    return b == null || !b.isAfter(a) ? a : b;
  }
}
