package dev.origincloudregions.sdk;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one item of a batch.
 *
 * <p>A succeeded item carries the {@code vendor} and {@code region} applied (batch upsert) or removed
 * (batch delete). A failed item carries a human-readable {@code error} such as "not found", "invalid IP
 * address" or "duplicate in request".
 *
 * @param originIp the canonical IP when the text was a valid IP, otherwise the text as sent (the JSON
 *     key is {@code origin_ip} in v2 and {@code origin-ip} in v1)
 * @param vendor the vendor, on succeeded items
 * @param region the region, on succeeded items
 * @param error why the item failed, on failed items
 */
public record BatchItem(
    String originIp,
    @Nullable String vendor,
    @Nullable String region,
    @Nullable String error) {}
