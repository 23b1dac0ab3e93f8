package dev.origincloudregions.server;

/**
 * Deliberately broken behaviours, for the conformance suite's "mutant zoo": a suite that passes against
 * a server with one of these switched on has missed a real bug.
 *
 * <p>Each defect breaks exactly one contract rule, named in its description, the way real
 * implementations get it wrong. None is ever on by default: they are switched on only through
 * {@link Options#defects} or the hidden {@code --defect NAME} flag, which {@code --help} does not show.
 * The code of each lives at the one point it changes, behind {@code if (defects.contains(...))}, in
 * five classes (grep {@code defects.contains} to find them all):
 *
 * <ul>
 *   <li>{@link Dispatcher}: {@link #TOKEN_ECHOED_IN_ERROR};
 *   <li>{@link Authenticator}: {@link #SKIPS_KEY_CHECK};
 *   <li>{@link Bodies}: {@link #NO_BODY_SIZE_LIMIT}, {@link #SERVER_ERROR_ON_MALFORMED_JSON},
 *       {@link #OK_STATUS_WITH_ERROR_ENVELOPE}, {@link #BATCH_LIMIT_OFF_BY_ONE};
 *   <li>{@link Store}: the IP defects, {@link #SHARED_STORE_ACROSS_ZONES}, {@link #NO_ZONE_LIMIT},
 *       {@link #LIST_NOT_SORTED}, {@link #MODIFIED_ON_KEPT_WHEN_ZONE_EMPTY},
 *       {@link #GET_DOES_NOT_NORMALISE_PATH}, {@link #DUPLICATES_NOT_DETECTED},
 *       {@link #FAILED_ITEM_ECHOES_TEXT_AS_SENT}, {@link #RACY_BATCH_DELETE};
 *   <li>{@link V1Operations}: {@link #UNDERSCORE_ORIGIN_IP_KEY},
 *       {@link #APPLIES_FIRST_HUNDRED_OF_OVERSIZED_BATCH}, {@link #DROPS_LAST_RESULT},
 *       {@link #SORTED_BATCH_RESULTS}, {@link #MODIFIED_ON_WHEN_NOTHING_SUCCEEDED}.
 * </ul>
 *
 * <p>Each is named for the v1 rule it breaks, and the conformance suite's mutant zoo checks it through
 * v1. Hooks in the shared parts (all but {@link V1Operations}) change the v2 family too.
 */
public enum Defect {
  /** BD2: the batch limit is checked with {@code > 101}, so a 101-item batch is accepted. */
  BATCH_LIMIT_OFF_BY_ONE,

  /**
   * BD2: an oversized batch is refused with 400/1191, but only after its first 100 items were
   * applied (the request is processed in chunks and fails on the second).
   */
  APPLIES_FIRST_HUNDRED_OF_OVERSIZED_BATCH,

  /** BD4: the last item of a batch is missing from the results (an off-by-one in the result loop). */
  DROPS_LAST_RESULT,

  /** M1: mappings and batch items use the key {@code origin_ip} (the v2 spelling) for {@code origin-ip}. */
  UNDERSCORE_ORIGIN_IP_KEY,

  /** IP2: IPv6 text is validated but stored and returned as sent, so {@code 2001:DB8:0::1} stays as it is. */
  NO_IPV6_NORMALISATION,

  /** IP3: {@code ::ffff:a.b.c.d} is folded into the IPv4 address {@code a.b.c.d}, as InetAddress does. */
  FOLDS_IPV4_MAPPED,

  /** IP1: IPv4 octets with leading zeros are accepted and read as decimal ({@code 010.0.0.1}). */
  ACCEPTS_LEADING_ZERO_IPV4,

  /**
   * BD5: duplicates within one request are not detected: a later occurrence of an IP is processed too
   * (a batch delete reports the mapping deleted twice; a batch upsert applies both).
   */
  DUPLICATES_NOT_DETECTED,

  /** BD6: a failed item carries the text as sent even when it is a valid IP with another canonical form. */
  FAILED_ITEM_ECHOES_TEXT_AS_SENT,

  /** BD7: a batch in which nothing succeeded still reports a {@code modified_on} time. */
  MODIFIED_ON_WHEN_NOTHING_SUCCEEDED,

  /** L1: once the zone's last mapping is removed, the list keeps the last change time instead of null. */
  MODIFIED_ON_KEPT_WHEN_ZONE_EMPTY,

  /** E4: a body that is not valid JSON makes the server answer 500. */
  SERVER_ERROR_ON_MALFORMED_JSON,

  /** BD1: a malformed or oversized batch body answers 200 with an error envelope instead of 400. */
  OK_STATUS_WITH_ERROR_ENVELOPE,

  /** BD4: batch results are sorted by address instead of keeping the request's order. */
  SORTED_BATCH_RESULTS,

  /**
   * BD11: batch delete takes no lock and checks before it acts (with a yield in between), so
   * concurrent deletes of one mapping can both report it deleted.
   */
  RACY_BATCH_DELETE,

  /** Z2: one store serves every zone, so a mapping created in one zone shows up in all others. */
  SHARED_STORE_ACROSS_ZONES,

  /** A2: the secret is not checked for {@code X-Auth-Key}: any key with any email is accepted. */
  SKIPS_KEY_CHECK,

  /** M2: the limit of 3,500 mappings per zone is not enforced. */
  NO_ZONE_LIMIT,

  /** M4: the list comes in order of last change, newest first, instead of by address. */
  LIST_NOT_SORTED,

  /** A3: error messages echo the credential that the request presented. */
  TOKEN_ECHOED_IN_ERROR,

  /** E4: bodies over 1 MiB are read and processed instead of being refused with 413. */
  NO_BODY_SIZE_LIMIT,

  /** G1: single get looks the path IP up as sent, without normalising it first. */
  GET_DOES_NOT_NORMALISE_PATH
}
