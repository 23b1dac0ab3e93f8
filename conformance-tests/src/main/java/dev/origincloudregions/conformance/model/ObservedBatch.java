package dev.origincloudregions.conformance.model;

import dev.origincloudregions.conformance.http.Exchange;
import java.time.Instant;
import java.util.List;

/**
 * A batch answer as returned: {@code modified_on} and the two item arrays (BD4-BD7, BU2).
 *
 * @param modifiedOn text or null
 * @param modifiedAt parsed or null
 * @param succeeded succeeded items in response order
 * @param failed failed items in response order
 * @param exchange the exchange
 */
public record ObservedBatch(String modifiedOn, Instant modifiedAt, List<Item> succeeded, List<Item> failed, Exchange exchange) {

  /** One result item; absent fields are null. */
  public record Item(String ip, String vendor, String region, String error) {
    @Override
    public String toString() {
      return error != null ? ip + " (" + error + ")" : ip + "=" + vendor + "/" + region;
    }
  }
}
