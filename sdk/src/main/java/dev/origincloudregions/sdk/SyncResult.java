package dev.origincloudregions.sdk;

/**
 * What {@link OriginCloudRegions#sync} did.
 *
 * @param plan what it set out to do
 * @param deleted the merged result of the batch deletes of {@link SyncPlan#deletes()}, sent first
 * @param put the merged result of the batch puts of {@link SyncPlan#puts()}, sent after the deletes
 */
public record SyncResult(SyncPlan plan, BatchResult deleted, BatchResult put) {
  /**
   * Whether every item of the plan succeeded. An item can fail when the zone changed after it was read
   * (a delete of a mapping someone else removed meanwhile fails as "not found").
   */
  public boolean allSucceeded() {
    return deleted.allSucceeded() && put.allSucceeded();
  }
}
