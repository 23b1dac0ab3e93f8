package dev.origincloudregions.sdk;

import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every mapping of a zone, read page by page as it is consumed: {@link OriginCloudRegions#list}'s
 * answer. Nothing is sent until the first mapping is asked for, and a page is requested only when the
 * previous one is used up, so {@code stream().limit(10)} or a {@code break} costs one request.
 *
 * <pre>{@code
 * for (Mapping m : client.list(zoneId)) {
 *   System.out.println(m.originIp() + " -> " + m.vendor() + "/" + m.region());
 * }
 * Map<String, Mapping> byIp = client.list(zoneId).stream()
 *     .collect(Collectors.toMap(Mapping::originIp, m -> m));
 * }</pre>
 *
 * <h2>When the reading stops</h2>
 *
 * Each {@link #iterator()} starts again from page 1. After a page, it stops when the page is shorter
 * than the page size (or empty), or when the page number has reached {@code total_pages} and {@code
 * total_pages} is above 0; otherwise it asks for the next page. A {@code total_pages} of 0 alone never
 * stops it while full pages come back, so a server that does not count still yields everything. The
 * page size is the one asked for, or the server's {@code per_page} if that is smaller. A zone of {@code
 * n} mappings therefore takes at most {@code ceil(n / perPage) + 1} requests.
 *
 * <h2>Errors</h2>
 *
 * A page request is retried as the client's {@link RetryPolicy} says; when it still fails, {@code
 * hasNext()} or {@code next()} throws the {@link ApiException} or {@link TransportException}, and the
 * mappings already returned stay valid. A server that answers a full page holding only mappings of
 * earlier pages (it ignores {@code page}) would make the reading endless: that throws a {@link
 * TransportException} naming the page.
 *
 * <h2>A zone that changes while it is read</h2>
 *
 * Pages are offsets into the zone's current order. A mapping created or deleted before the reading
 * position shifts the rest by one: a mapping the server sends again on a later page is returned only
 * once (the first time), and one that moved back onto an already-read page is not returned.
 *
 * <p>A pager is immutable and may be shared; its iterators are not thread-safe.
 */
public final class MappingPager implements Iterable<Mapping> {
  /** Fetches one page of {@code perPage} mappings. */
  interface PageSource {
    MappingPage fetch(int page);
  }

  private final PageSource source;
  private final int perPage;

  MappingPager(PageSource source, int perPage) {
    this.source = source;
    this.perPage = perPage;
  }

  /** Reads the zone from page 1; see the class description for when it stops. */
  @Override
  public Iterator<Mapping> iterator() {
    return new Pages();
  }

  @Override
  public Spliterator<Mapping> spliterator() {
    return Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL);
  }

  /** The mappings as a sequential, lazy stream; see the class description. */
  public Stream<Mapping> stream() {
    return StreamSupport.stream(spliterator(), false);
  }

  private final class Pages implements Iterator<Mapping> {
    private final Set<String> seen = new HashSet<>();
    private Iterator<Mapping> current = Collections.emptyIterator();
    private int nextPage = 1;
    private boolean more = true;

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && more) {
        fetch();
      }
      return current.hasNext();
    }

    @Override
    public Mapping next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more mappings");
      }
      return current.next();
    }

    private void fetch() {
      int number = nextPage;
      MappingPage page = source.fetch(number); // throws on failure; this page is asked again on retry
      List<Mapping> fresh = page.mappings().stream().filter(m -> seen.add(m.originIp())).toList();
      int pageSize = page.perPage() > 0 ? Math.min(perPage, page.perPage()) : perPage;
      boolean full = page.mappings().size() >= pageSize;
      if (full && fresh.isEmpty()) {
        throw new TransportException(
            "list: page " + number + " holds only mappings of earlier pages; the server seems to ignore"
                + " the page parameter, so reading stopped after " + number + " requests",
            null);
      }
      more = full && !(page.totalPages() > 0 && number >= page.totalPages());
      nextPage = number + 1;
      current = fresh.iterator();
    }
  }
}
