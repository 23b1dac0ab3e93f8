package dev.origincloudregions.sdk;

import java.util.List;

/**
 * A region that mappings may name.
 *
 * @param name the vendor's region identifier, for example {@code us-east-1}
 * @param upperTierColos Tiered Cache upper-tier colocation codes near the region, for example {@code IAD}
 */
public record Region(String name, List<String> upperTierColos) {
  public Region {
    upperTierColos = List.copyOf(upperTierColos);
  }
}
