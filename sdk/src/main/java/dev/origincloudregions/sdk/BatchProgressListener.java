package dev.origincloudregions.sdk;

/**
 * Told after each batch that {@link OriginCloudRegions#bulkDeleteAll} or {@link
 * OriginCloudRegions#bulkPutAll} (or their v1 counterparts) has sent.
 */
@FunctionalInterface
public interface BatchProgressListener {
  /**
   * Called on the calling thread after each batch.
   *
   * @param itemsDone how many input items have been sent so far
   * @param itemsTotal how many input items there are
   * @param batch the result of the batch just sent
   */
  void batchDone(int itemsDone, int itemsTotal, BatchResult batch);
}
