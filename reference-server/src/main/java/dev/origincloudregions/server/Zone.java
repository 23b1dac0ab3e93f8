package dev.origincloudregions.server;

import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The mappings of one zone, ordered by address [M4].
 *
 * <p>Every operation that reads or writes more than one entry holds {@link #lock} for its whole
 * duration, so a batch is applied atomically and a list sees all of a batch or none of it [BD11].
 * The map is a concurrent one all the same, so that code which reads it without the lock (a
 * {@link Store} subclass in test code, say) sees a consistent structure.
 */
final class Zone {
  /** The most mappings one zone may hold [M2]. */
  static final int MAX_MAPPINGS = 3_500;

  final ReentrantLock lock = new ReentrantLock();
  final ConcurrentSkipListMap<Ip, Mapping> mappings = new ConcurrentSkipListMap<>();
  /** The latest change, or null when the zone holds no mappings [L1]. Written under {@link #lock}. */
  volatile ChangeClock.Timestamp modifiedOn;
}
