package dev.origincloudregions.sdk;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * All mappings of a zone, as the v1 family answers them ({@link OriginCloudRegionsV1#list} and {@link
 * OriginCloudRegionsV1#upsert}); v2 reads them page by page instead ({@link OriginCloudRegions#list}).
 *
 * @param modifiedOn the time of the zone's latest change; {@code null} when the zone has no mappings
 * @param mappings the mappings, in the order the server sent them (by address, IPv4 first)
 */
public record MappingList(@Nullable OffsetDateTime modifiedOn, List<Mapping> mappings) {
  public MappingList {
    mappings = List.copyOf(mappings);
  }
}
