package dev.origincloudregions.server;

import java.util.List;

/**
 * What a batch did, whichever family asked: one item per request item, in request order [BD4], and the
 * time of the change, or null when nothing succeeded [BD7].
 */
record BatchOutcome(List<Item> items, ChangeClock.Timestamp changed) {

  /** One item's outcome: succeeded with vendor and region, or failed with an error text [BD5, BU2]. */
  record Item(String originIp, String vendor, String region, String error) {
    static Item succeeded(String originIp, String vendor, String region) {
      return new Item(originIp, vendor, region, null);
    }

    static Item failed(String originIp, String error) {
      return new Item(originIp, null, null, error);
    }

    boolean isSucceeded() {
      return error == null;
    }
  }

  static boolean anySucceeded(Item[] items) {
    for (Item item : items) {
      if (item.isSucceeded()) {
        return true;
      }
    }
    return false;
  }
}
