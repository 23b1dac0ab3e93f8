package dev.origincloudregions.sdk;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One stored mapping.
 *
 * @param originIp the origin IP in canonical form (RFC 5952 for IPv6); the JSON key is {@code origin-ip}
 * @param vendor the cloud vendor, for example {@code aws}; any value the server sends is kept as is
 * @param region the vendor's region, for example {@code us-east-1}
 * @param modifiedOn when the mapping was last created or updated, if the server said
 */
public record Mapping(
    String originIp, String vendor, String region, @Nullable OffsetDateTime modifiedOn) {}
