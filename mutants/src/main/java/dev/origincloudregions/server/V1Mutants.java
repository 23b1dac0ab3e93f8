package dev.origincloudregions.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.origincloudregions.server.BatchOutcome.Item;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Defects in the v1 family's batches only [BD2, BD4, BD7]: v2 answers stay correct. */
final class V1Mutants {
  private V1Mutants() {}

  /**
   * {@link Mutant#APPLIES_FIRST_HUNDRED_OF_OVERSIZED_BATCH}: a well-formed batch over the limit is refused, but
   * only after its first 100 items were applied (as when a request is processed in chunks and fails on the
   * second).
   */
  static final class AppliesFirstHundredOfOversizedBatch extends V1Operations {
    private final Store store;
    private final Bodies bodies;

    AppliesFirstHundredOfOversizedBatch(Store store, Bodies bodies) {
      super(store, bodies);
      this.store = store;
      this.bodies = bodies;
    }

    @Override
    Reply batchDelete(Zone zone, JsonNode body) throws Refusal {
      List<String> texts = bodies.ipStrings(body, BATCH_DELETE_BODY);
      if (bodies.exceedsBatchLimit(texts.size())) {
        store.deleteAll(zone, texts.subList(0, Bodies.MAX_BATCH_ITEMS));
      }
      return super.batchDelete(zone, body);
    }

    @Override
    Reply batchUpsert(Zone zone, JsonNode body) throws Refusal {
      List<Store.Requested> requested = bodies.mappings(body, BATCH_UPSERT_BODY);
      if (bodies.exceedsBatchLimit(requested.size())) {
        store.upsertAll(zone, requested.subList(0, Bodies.MAX_BATCH_ITEMS));
      }
      return super.batchUpsert(zone, body);
    }
  }

  /** {@link Mutant#DROPS_LAST_RESULT}: the last item of the request has no result item. */
  static final class DropsLastResult extends V1Operations {
    DropsLastResult(Store store, Bodies bodies) {
      super(store, bodies);
    }

    @Override
    Reply batchReply(BatchOutcome outcome) {
      List<Item> items = outcome.items();
      return super.batchReply(new BatchOutcome(items.isEmpty() ? items : items.subList(0, items.size() - 1),
          outcome.changed()));
    }
  }

  /** {@link Mutant#SORTED_BATCH_RESULTS}: result items sorted by their origin-ip text. */
  static final class SortedBatchResults extends V1Operations {
    SortedBatchResults(Store store, Bodies bodies) {
      super(store, bodies);
    }

    @Override
    Reply batchReply(BatchOutcome outcome) {
      List<Item> items = new ArrayList<>(outcome.items());
      items.sort(Comparator.comparing(Item::originIp));
      return super.batchReply(new BatchOutcome(items, outcome.changed()));
    }
  }

  /** {@link Mutant#MODIFIED_ON_WHEN_NOTHING_SUCCEEDED}: a batch without a change still gets a new time. */
  static final class ModifiedOnWhenNothingSucceeded extends V1Operations {
    private final Store store;

    ModifiedOnWhenNothingSucceeded(Store store, Bodies bodies) {
      super(store, bodies);
      this.store = store;
    }

    @Override
    Reply batchReply(BatchOutcome outcome) {
      return super.batchReply(outcome.changed() != null ? outcome
          : new BatchOutcome(outcome.items(), store.nextTime()));
    }
  }
}
