package dev.origincloudregions.sdk;

import static dev.origincloudregions.sdk.ErrorMappingTest.apiException;
import static dev.origincloudregions.sdk.ErrorMappingTest.transportException;
import static dev.origincloudregions.sdk.Fixtures.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origincloudregions.sdk.PagedZone.Asked;
import dev.origincloudregions.sdk.PagedZone.Variant;
import dev.origincloudregions.sdk.RecordingServer.Recorded;
import dev.origincloudregions.sdk.RecordingServer.Reply;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The v2 pager ({@link MappingPager}) case by case: laziness, restarts, failures, and servers that
 * would make it read forever or twice. {@link PagerPropertyTest} checks the general property.
 */
class PagerTest {
  final RecordingServer server = new RecordingServer();
  final OriginCloudRegions client = Fixtures.clientOf(server).build();

  @AfterEach
  void stop() {
    server.close();
  }

  private List<Integer> pagesAsked() {
    return server.takeAll().stream().map(r -> Asked.of(r).page()).toList();
  }

  @Test
  @DisplayName("VL1: list sends nothing until the first mapping is asked for")
  void listIsLazy() {
    server.dispatch(new PagedZone(PagedZone.mappings(250), Variant.EXACT));

    MappingPager pager = client.list(ZONE);
    Iterator<Mapping> iterator = pager.iterator();
    var stream = pager.stream();
    assertThat(server.requestCount()).as("requests before reading").isZero();

    assertThat(iterator.hasNext()).isTrue();
    assertThat(pagesAsked()).containsExactly(1);
    assertThat(stream.findFirst()).contains(PagedZone.mappings(1).get(0));
    assertThat(pagesAsked()).containsExactly(1);
  }

  @Test
  @DisplayName("VL1: a stream fetches only the pages it consumes")
  void aLimitedStreamFetchesOnlyThePagesItNeeds() {
    server.dispatch(new PagedZone(PagedZone.mappings(450), Variant.EXACT));

    List<Mapping> first150 = client.list(ZONE).stream().limit(150).toList();

    assertThat(first150).isEqualTo(PagedZone.mappings(150));
    assertThat(pagesAsked()).containsExactly(1, 2);
  }

  @Test
  void eachIterationStartsAgainFromPageOne() {
    server.dispatch(new PagedZone(PagedZone.mappings(5), Variant.EXACT));
    MappingPager pager = client.list(ZONE, 2);

    List<Mapping> first = new ArrayList<>();
    pager.forEach(first::add);
    List<Mapping> second = pager.stream().toList();

    assertThat(first).isEqualTo(PagedZone.mappings(5)).isEqualTo(second);

    assertThat(pagesAsked()).containsExactly(1, 2, 3, 1, 2, 3);
  }

  @Test
  void nextAfterTheLastMappingThrowsNoSuchElementWithoutAnotherRequest() {
    server.dispatch(new PagedZone(PagedZone.mappings(3), Variant.EXACT));
    Iterator<Mapping> iterator = client.list(ZONE).iterator();
    for (int i = 0; i < 3; i++) {
      iterator.next();
    }

    assertThat(iterator.hasNext()).isFalse();
    assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
    assertThat(pagesAsked()).containsExactly(1);
  }

  @Test
  @DisplayName("VL1: a page that fails once is retried, and the reading goes on")
  void aPageThatFailsOnceIsRetried() {
    PagedZone zone = new PagedZone(PagedZone.mappings(250), Variant.EXACT);
    AtomicInteger calls = new AtomicInteger();
    server.dispatch(r -> calls.incrementAndGet() == 2 ? Reply.json(503, Fixtures.INTERNAL_1141) : zone.apply(r));

    assertThat(client.list(ZONE).stream().toList()).isEqualTo(PagedZone.mappings(250));
    assertThat(pagesAsked()).containsExactly(1, 2, 2, 3);
  }

  @Test
  @DisplayName("E1: a page that keeps failing throws from hasNext, naming the page; what was read stays, and the next hasNext asks again")
  void aPageThatKeepsFailingThrowsFromHasNext() {
    PagedZone zone = new PagedZone(PagedZone.mappings(150), Variant.EXACT);
    AtomicInteger calls = new AtomicInteger();
    server.dispatch(r -> Asked.of(r).page() == 2 && calls.incrementAndGet() <= 3
        ? Reply.json(503, Fixtures.INTERNAL_1141)
        : zone.apply(r));
    Iterator<Mapping> iterator = client.list(ZONE).iterator();
    List<Mapping> read = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      read.add(iterator.next());
    }

    ApiException e = apiException(iterator::hasNext);

    assertThat(e).hasMessageStartingWith("list page 2: HTTP 503 [1141 ");
    assertThat(read).isEqualTo(PagedZone.mappings(100));
    assertThat(pagesAsked()).as("page 1, then page 2 three times (maxAttempts)").containsExactly(1, 2, 2, 2);
    iterator.forEachRemaining(read::add);
    assertThat(read).isEqualTo(PagedZone.mappings(150));
  }

  @Test
  @DisplayName("VL1: a server that ignores page ends the reading with a TransportException, not a loop")
  void aServerThatIgnoresThePageParameterIsStopped() {
    server.dispatch(new PagedZone(PagedZone.mappings(250), Variant.IGNORES_PAGE));
    Iterator<Mapping> iterator = client.list(ZONE).iterator();
    List<Mapping> read = new ArrayList<>();

    TransportException e = transportException(() -> iterator.forEachRemaining(read::add));

    assertThat(e)
        .hasMessage(
            "list: page 2 holds only mappings of earlier pages; the server seems to ignore the page parameter,"
                + " so reading stopped after 2 requests")
        .hasNoCause();
    assertThat(read).as("the first page, once").isEqualTo(PagedZone.mappings(100));
    assertThat(pagesAsked()).containsExactly(1, 2);
  }

  @Test
  @DisplayName("VL1: a server that cycles between two pages is stopped at the first page that brings nothing new")
  void aServerThatCyclesIsStopped() {
    PagedZone zone = new PagedZone(PagedZone.mappings(10), Variant.NO_TOTALS);
    server.dispatch(r -> {
      Asked asked = Asked.of(r);
      int page = (asked.page() - 1) % 2 + 1; // 1, 2, 1, 2, …
      return zone.apply(new Recorded(r.method(), r.rawPath(), r.path(), "page=" + page + "&per_page=" + asked.perPage(),
          r.headers(), r.body(), r.receivedAtNanos(), r.remotePort()));
    });

    TransportException e = transportException(() -> client.list(ZONE, 2).forEach(m -> { }));

    assertThat(e).hasMessageStartingWith("list: page 3 holds only mappings of earlier pages");
    assertThat(pagesAsked()).containsExactly(1, 2, 3);
  }

  @Test
  @DisplayName("VL1: a mapping the server sends again on the next page (an insert shifted the zone) is yielded once")
  void aMappingSentAgainIsYieldedOnce() {
    List<Mapping> m = PagedZone.mappings(5);
    server.dispatch(r -> switch (Asked.of(r).page()) {
      case 1 -> Reply.json(200, PagedZone.page(m.subList(0, 2), 1, 2, 5, 3));
      // A mapping was created before the reading position: page 2 starts with page 1's last one.
      case 2 -> Reply.json(200, PagedZone.page(m.subList(1, 3), 2, 2, 6, 3));
      case 3 -> Reply.json(200, PagedZone.page(m.subList(3, 5), 3, 2, 6, 3));
      default -> throw new AssertionError("page " + Asked.of(r).page());
    });

    assertThat(client.list(ZONE, 2).stream().toList()).isEqualTo(m);
    assertThat(pagesAsked()).containsExactly(1, 2, 3);
  }

  @Test
  @DisplayName("VL1: total_pages ends the reading even when the last page is full")
  void totalPagesEndsTheReading() {
    server.dispatch(r -> Reply.json(200, PagedZone.page(PagedZone.mappings(2), 1, 2, 2, 1)));

    assertThat(client.list(ZONE, 2).stream().toList()).hasSize(2);
    assertThat(pagesAsked()).containsExactly(1);
  }

  @Test
  @DisplayName("VL1: total_pages 0 alone does not end the reading while full pages come back")
  void zeroTotalPagesDoesNotEndTheReadingWhilePagesAreFull() {
    server.dispatch(new PagedZone(PagedZone.mappings(4), Variant.NO_TOTALS));

    assertThat(client.list(ZONE, 2).stream().toList()).isEqualTo(PagedZone.mappings(4));
    assertThat(pagesAsked()).containsExactly(1, 2, 3);
  }

  @Test
  @DisplayName("VL1: a server that serves smaller pages than asked is read to the end")
  void smallerPagesThanAskedAreReadToTheEnd() {
    server.dispatch(new PagedZone(PagedZone.mappings(120), Variant.CAPPED));

    assertThat(client.list(ZONE).stream().toList()).isEqualTo(PagedZone.mappings(120));
    assertThat(pagesAsked()).containsExactly(1, 2, 3);
  }

  @Test
  @DisplayName("VL1: listPage returns one page and its result_info; a page past the last is empty")
  void listPageReturnsOnePage() {
    server.dispatch(new PagedZone(PagedZone.mappings(5), Variant.EXACT));

    assertThat(client.listPage(ZONE, 2, 2)).isEqualTo(new MappingPage(PagedZone.mappings(5).subList(2, 4), 2, 2, 5, 3));
    assertThat(client.listPage(ZONE, 4, 2)).isEqualTo(new MappingPage(List.of(), 4, 2, 5, 3));
    assertThat(server.takeAll()).extracting(Recorded::rawQuery).containsExactly("page=2&per_page=2", "page=4&per_page=2");
  }
}
