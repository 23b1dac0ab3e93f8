package dev.origincloudregions.sdk;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One stored mapping, as both API families return it.
 *
 * @param originIp the origin IP in canonical form (RFC 5952 for IPv6); the JSON key is {@code origin_ip}
 *     in v2 and {@code origin-ip} in v1
 * @param vendor the cloud vendor, for example {@code aws}; any value the server sends is kept as is
 * @param region the vendor's region, for example {@code us-east-1}
 * @param modifiedOn when the mapping was last created or updated (through either family), if the server
 *     said
 */
public record Mapping(
    String originIp, String vendor, String region, @Nullable OffsetDateTime modifiedOn) {}
