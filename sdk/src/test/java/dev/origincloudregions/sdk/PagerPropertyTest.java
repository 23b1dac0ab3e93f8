package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.origincloudregions.sdk.PagedZone.Asked;
import dev.origincloudregions.sdk.PagedZone.Variant;
import dev.origincloudregions.sdk.RecordingServer.Recorded;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The pager's property (VL1): for any zone of 0 to 3,500 mappings (the zone limit, M2) and any page
 * size from 1 to 100, iterating over {@code list(zone, perPage)} yields every mapping exactly once, in
 * order, with at most ceil(n / perPage) + 1 requests, asking for pages 1, 2, 3, … in turn; also when
 * the server's {@code total_pages} is 0 and when it serves smaller pages than asked. Checked against a
 * real local server ({@link PagedZone}) that serves pages from the generated list.
 */
class PagerPropertyTest {
  static final int EXAMPLES = 80;

  static RecordingServer server;
  static OriginCloudRegions client;

  @BeforeAll
  static void start() {
    server = new RecordingServer();
    client = Fixtures.clientOf(server).retryPolicy(RetryPolicy.NONE).build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /**
   * Page sizes over 1..100, each end drawn one time in forty besides its uniform chance (a page size of
   * 1 costs one request per mapping, and the test's time is mostly those requests).
   */
  static Gen<Integer> pageSizes() {
    return Generate.pick(List.of(1, 100)).mix(integers().between(1, 100), 95);
  }

  /**
   * Zone sizes over 0..3,500 (the ends drawn often); in half of the draws the size is rounded down to
   * a multiple of the page size, where a server without totals makes the pager ask for one empty page.
   */
  static Gen<Integer> rawSizes() {
    return Generate.pick(List.of(0, 1, 3499, 3500)).mix(integers().between(0, 3500));
  }

  @Test
  @DisplayName("VL1, M2: every mapping exactly once, in order, in at most ceil(n / perPage) + 1 requests, whatever result_info says")
  void iteratingYieldsEveryMappingOnceInOrderWithBoundedRequests() {
    qt().withExamples(EXAMPLES)
        .forAll(
            pageSizes(),
            rawSizes(),
            Generate.pick(List.of(true, false)),
            Generate.pick(List.of(Variant.EXACT, Variant.NO_TOTALS, Variant.CAPPED)))
        .checkAssert((perPage, raw, roundDown, variant) -> check(perPage, roundDown ? raw / perPage * perPage : raw, variant));
  }

  @Test
  @DisplayName("VL1: the edge cases, each server variant: empty zone, one mapping, exactly one page, one more than a page, the full zone")
  void edgeCases() {
    for (Variant variant : List.of(Variant.EXACT, Variant.NO_TOTALS, Variant.CAPPED)) {
      for (int perPage : List.of(1, 50, 100)) {
        for (int n : List.of(0, 1, perPage - 1, perPage, perPage + 1, 2 * perPage)) {
          check(perPage, n, variant);
        }
      }
      check(100, 3500, variant);
      check(99, 3500, variant);
    }
  }

  private static void check(int perPage, int n, Variant variant) {
    List<Mapping> zone = PagedZone.mappings(n);
    server.dispatch(new PagedZone(zone, variant));
    server.takeAll();

    List<Mapping> read = new ArrayList<>();
    for (Mapping m : client.list(ZONE, perPage)) {
      read.add(m);
    }

    List<Recorded> requests = server.takeAll();
    assertThat(server.dispatchFailures()).as("server-side failures").isEmpty();
    String example = "n=" + n + ", perPage=" + perPage + ", " + variant;
    assertThat(read).as("mappings read, " + example).isEqualTo(zone);
    // Pages 1, 2, 3, … of the size asked, one request each.
    assertThat(requests.stream().map(Asked::of).toList())
        .as("pages asked, " + example)
        .isEqualTo(IntStream.rangeClosed(1, requests.size()).mapToObj(p -> new Asked(p, perPage)).toList());
    int served = variant.pageSize(perPage);
    assertThat(requests.size())
        .as("requests, " + example)
        .isLessThanOrEqualTo(ceil(n, served) + 1)
        // Exactly: with totals it stops at the last page (one request for an empty zone); without, it
        // stops at the first page shorter than a full one, which may be an empty page after the last.
        .isEqualTo(variant == Variant.NO_TOTALS ? n / served + 1 : Math.max(1, ceil(n, served)));
    if (variant != Variant.CAPPED) {
      assertThat(requests.size()).as("the bound as stated, " + example).isLessThanOrEqualTo(ceil(n, perPage) + 1);
    }
  }

  private static int ceil(int n, int size) {
    return (n + size - 1) / size;
  }
}
