package dev.origincloudregions.sdk;

import java.util.List;

/**
 * One page of a zone's mappings (v2 list), with the server's {@code result_info}. The number of
 * mappings on the page ({@code result_info.count}) is {@code mappings().size()}.
 *
 * @param mappings this page's mappings, in the server's order (by address, IPv4 first)
 * @param page the page number, from 1
 * @param perPage the page size the server applied
 * @param totalCount how many mappings the zone holds
 * @param totalPages how many pages of {@code perPage} the zone fills; 0 for an empty zone
 */
public record MappingPage(List<Mapping> mappings, int page, int perPage, int totalCount, int totalPages) {
  public MappingPage {
    mappings = List.copyOf(mappings);
  }
}
