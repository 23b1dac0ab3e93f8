package dev.origincloudregions.sdk;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one item of a batch.
 *
 * <p>A succeeded item carries the {@code vendor} and {@code region} applied (batch upsert) or removed
 * (batch delete). A failed item carries a human-readable {@code error} such as "not found", "invalid IP
 * address" or "duplicate in request". A {@link Outcome#POSSIBLY_APPLIED possibly applied} item is one
 * the server reported "not found" after an earlier attempt of the same call was lost: that attempt may
 * have deleted it.
 *
 * @param originIp the canonical IP when the text was a valid IP, otherwise the text as sent (the JSON
 *     key is {@code origin_ip} in v2 and {@code origin-ip} in v1)
 * @param vendor the vendor, on succeeded items
 * @param region the region, on succeeded items
 * @param error why the item failed, on failed and possibly applied items (the server's text)
 * @param outcome which of the three it is
 */
public record BatchItem(
    String originIp,
    @Nullable String vendor,
    @Nullable String region,
    @Nullable String error,
    Outcome outcome) {

  /** What happened to an item. */
  public enum Outcome {
    /** Applied by this call's answered attempt: in {@link BatchResult#succeeded()}. */
    SUCCEEDED,
    /** Not applied, with the server's {@link BatchItem#error() reason}: in {@link BatchResult#failed()}. */
    FAILED,
    /**
     * Reported "not found" by a retry after an attempt whose answer was lost (connection dropped, timeout,
     * 5xx): that attempt may have deleted the mapping, or it never existed; either way it is gone now. In
     * {@link BatchResult#possiblyApplied()}.
     */
    POSSIBLY_APPLIED
  }

  public BatchItem {
    Objects.requireNonNull(originIp, "originIp == null");
    Objects.requireNonNull(outcome, "outcome == null");
  }

  /** An item as the server reports it: succeeded without an error, failed with one. */
  public BatchItem(String originIp, @Nullable String vendor, @Nullable String region, @Nullable String error) {
    this(originIp, vendor, region, error, error == null ? Outcome.SUCCEEDED : Outcome.FAILED);
  }
}
