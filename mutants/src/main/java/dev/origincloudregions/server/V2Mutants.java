package dev.origincloudregions.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Defects in the v2 family [VS1, VL1, VP1, VG1, VBU1, VM1]: v1 answers stay correct. */
final class V2Mutants {
  private V2Mutants() {}

  /**
   * {@link Mutant#V2_SEPARATE_STORES}: v2 keeps a store of its own instead of v1's, with a zone of its own for each
   * of v1's (the dispatcher hands every family the zone it looked up in v1's store).
   */
  static final class SeparateStores extends V2Operations {
    private final Map<Zone, Zone> ownZones = new ConcurrentHashMap<>();

    SeparateStores(Store store, Bodies bodies) {
      super(new Store(store.catalogue(), Clock.systemUTC()), bodies);
    }

    @Override
    Reply answer(Router.Op op, Zone zone, String pathIp, Call call) throws Refusal {
      return super.answer(op, ownZones.computeIfAbsent(zone, v1Zone -> new Zone()), pathIp, call);
    }
  }

  /** Entries {@code offset} to {@code offset + size} of {@code all}, as many as there are. */
  private static List<Mapping> slice(List<Mapping> all, long offset, int size) {
    return offset < 0 || offset >= all.size()
        ? List.of()
        : all.subList((int) offset, (int) Math.min(all.size(), offset + size));
  }

  // ---------------------------------------------------------------- list [VL1]

  /** {@link Mutant#V2_PAGES_OVERLAP}: page n > 1 starts at {@code (n - 1) * per_page - 1}. */
  static final class PagesOverlap extends V2Operations {
    PagesOverlap(Store store, Bodies bodies) {
      super(store, bodies);
    }

    @Override
    List<Mapping> page(List<Mapping> all, Paging paging) {
      long offset = paging.offset();
      return slice(all, offset > 0 ? offset - 1 : offset, paging.perPage());
    }
  }

  /** {@link Mutant#V2_PAGES_SKIP}: page n starts at {@code (n - 1) * (per_page + 1)}. */
  static final class PagesSkip extends V2Operations {
    PagesSkip(Store store, Bodies bodies) {
      super(store, bodies);
    }

    @Override
    List<Mapping> page(List<Mapping> all, Paging paging) {
      long offset = paging.offset();
      return slice(all, offset > 0 ? offset + paging.page().longValueExact() - 1 : offset, paging.perPage());
    }
  }

  /** {@link Mutant#V2_TOTAL_PAGES_OFF_BY_ONE}: {@code total_count / per_page + 1}. */
  static final class TotalPagesOffByOne extends V2Operations {
    TotalPagesOffByOne(Store store, Bodies bodies) {
      super(store, bodies);
    }

    @Override
    int totalPages(Paging paging, int total) {
      return total / paging.perPage() + 1;
    }
  }

  /** {@link Mutant#V2_PAGE_PAST_END_REFUSED}: a page after the last (page 1 of an empty zone aside) answers 400. */
  static final class PagePastEndRefused extends V2Operations {
    private final Store store;

    PagePastEndRefused(Store store, Bodies bodies) {
      super(store, bodies);
      this.store = store;
    }

    @Override
    Reply list(Zone zone, Paging paging) {
      int total = store.list(zone).mappings().size();
      long offset = paging.offset();
      if (paging.page().compareTo(BigInteger.ONE) > 0 && (offset < 0 || offset >= total)) {
        return Reply.error(400, 1146, "invalid page parameter, must be at most " + Math.max(1, totalPages(paging, total)));
      }
      return super.list(zone, paging);
    }
  }

  // ---------------------------------------------------------------- put [VP1]

  /** {@link Mutant#V2_PUT_MISMATCH_ACCEPTED}: the body's origin_ip is never compared with the path's. */
  static final class PutMismatchAccepted extends V2Operations {
    PutMismatchAccepted(Store store, Bodies bodies) {
      super(store, bodies);
    }

    @Override
    boolean agrees(String pathText, Ip path, String bodyText, Ip body) {
      return true;
    }
  }

  /** {@link Mutant#V2_PUT_MATCHES_RAW_TEXT}: body and path agree only when their texts are equal. */
  static final class PutMatchesRawText extends V2Operations {
    PutMatchesRawText(Store store, Bodies bodies) {
      super(store, bodies);
    }

    @Override
    boolean agrees(String pathText, Ip path, String bodyText, Ip body) {
      return pathText.equals(bodyText);
    }
  }

  // ---------------------------------------------------------------- batch put [VBU1]

  /**
   * {@link Mutant#V2_BATCH_PUT_REPLACES_ZONE}: before a batch put within the limit is applied, every mapping it
   * does not name is deleted.
   */
  static final class BatchPutReplacesZone extends V2Operations {
    private final Store store;
    private final Bodies bodies;

    BatchPutReplacesZone(Store store, Bodies bodies) {
      super(store, bodies);
      this.store = store;
      this.bodies = bodies;
    }

    @Override
    Reply batchPut(Zone zone, JsonNode body) throws Refusal {
      List<Store.Requested> requested = bodies.mappings(body, BATCH_PUT_BODY);
      if (!bodies.exceedsBatchLimit(requested.size())) {
        Set<Ip> named = new HashSet<>();
        for (Store.Requested r : requested) {
          Ip ip = store.parseIp(r.ip());
          if (ip != null) {
            named.add(ip);
          }
        }
        List<String> others = store.list(zone).mappings().stream()
            .filter(m -> !named.contains(m.ip())).map(m -> m.ip().text()).toList();
        if (!others.isEmpty()) {
          store.deleteAll(zone, others);
        }
      }
      return super.batchPut(zone, body);
    }
  }

  // ---------------------------------------------------------------- single delete [VG1]

  /** {@link Mutant#V2_DELETE_ANSWERS_ENTRY}: the removed entry, with vendor, region and modified_on. */
  static final class DeleteAnswersEntry extends V2Operations {
    private final Store store;

    DeleteAnswersEntry(Store store, Bodies bodies) {
      super(store, bodies);
      this.store = store;
    }

    @Override
    Reply delete(Zone zone, String pathIp) throws Refusal {
      Store.Removed removed = store.delete(zone, pathIp);
      return Reply.ok(Json.success(json -> writeEntry(json, removed.mapping())));
    }
  }

  /** {@link Mutant#V2_DELETE_ECHOES_PATH_TEXT}: {@code {"origin_ip": <the path's text as sent>}}. */
  static final class DeleteEchoesPathText extends V2Operations {
    private final Store store;

    DeleteEchoesPathText(Store store, Bodies bodies) {
      super(store, bodies);
      this.store = store;
    }

    @Override
    Reply delete(Zone zone, String pathIp) throws Refusal {
      store.delete(zone, pathIp);
      return Reply.ok(Json.success(json -> {
        json.writeStartObject();
        json.writeStringField("origin_ip", pathIp);
        json.writeEndObject();
      }));
    }
  }

  // ---------------------------------------------------------------- change times [VM1]

  /**
   * {@link Mutant#V2_CHANGE_TOUCHES_ZONE}: after every accepted v2 put, delete, batch put or batch delete, each
   * mapping of the zone takes the zone's latest change time as its own modified_on.
   */
  static final class ChangeTouchesZone extends V2Operations {
    private static final Set<Router.Op> CHANGES =
        EnumSet.of(Router.Op.V2_PUT, Router.Op.V2_DELETE, Router.Op.V2_BATCH_PUT, Router.Op.V2_BATCH_DELETE);

    ChangeTouchesZone(Store store, Bodies bodies) {
      super(store, bodies);
    }

    @Override
    Reply answer(Router.Op op, Zone zone, String pathIp, Call call) throws Refusal {
      Reply reply = super.answer(op, zone, pathIp, call);
      if (reply.status() == 200 && CHANGES.contains(op)) {
        zone.lock.lock();
        try {
          ChangeClock.Timestamp latest = zone.modifiedOn;
          if (latest != null) {
            zone.mappings.replaceAll((ip, m) -> new Mapping(ip, m.vendor(), m.region(), latest));
          }
        } finally {
          zone.lock.unlock();
        }
      }
      return reply;
    }
  }
}
