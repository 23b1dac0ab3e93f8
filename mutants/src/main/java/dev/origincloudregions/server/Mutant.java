package dev.origincloudregions.server;

import java.util.ArrayList;
import java.util.List;

/**
 * The mutant zoo: reference servers with one deliberate defect each, the kinds of mistakes real implementations
 * of the contract make. A conformance suite that passes against one of them has missed a real bug.
 *
 * <p>None of this is in the server users run: each mutant is a subclass or a wrapper of one server part, planted
 * from outside through the server's {@link ServerParts} seam (see {@link Plant}), and this module is never
 * shipped. Each mutant names:
 *
 * <ul>
 *   <li>its id (the constant's name; the 22 v1-era ones keep the names they had as switches of the server),
 *   <li>its {@link Family}: the family of paths whose answers it changes,
 *   <li>{@link #rules()}: the contract rules whose text it breaks, the one it is about first; a conformance run
 *       against it must report the first and may report no rule outside the list,
 *   <li>a one-line {@link #description()},
 * </ul>
 *
 * <p>and {@link #start()} runs a server carrying it, on 127.0.0.1 and an ephemeral port.
 * {@code MutantBehaviourTest} proves, for each, that the server really behaves as described and the unmutated
 * one does not.
 */
public enum Mutant {
  // ------------------------------------------------------------------ v1-era mutants (the server's former switches)

  BATCH_LIMIT_OFF_BY_ONE(Family.BOTH, List.of("BD2", "BU1", "VBD1", "VBU1"),
      "the batch limit is checked with > 101, so a batch of 101 items is accepted",
      Plant.bodies(BodiesMutants.BatchLimitOffByOne::new)),

  APPLIES_FIRST_HUNDRED_OF_OVERSIZED_BATCH(Family.V1, List.of("BD2", "BU1", "E5"),
      "an oversized v1 batch is refused with 1191, but only after its first 100 items were applied",
      Plant.v1(V1Mutants.AppliesFirstHundredOfOversizedBatch::new)),

  DROPS_LAST_RESULT(Family.V1, List.of("BD4", "BD5", "BU2"),
      "the last item of a v1 batch is missing from the results (an off-by-one in the result loop)",
      Plant.v1(V1Mutants.DropsLastResult::new)),

  UNDERSCORE_ORIGIN_IP_KEY(Family.V1, List.of("M1", "BD5"),
      "v1 mappings and batch items use the v2 key origin_ip for origin-ip",
      Plant.around(AnswerRewrites::underscoreOriginIpKey)),

  NO_IPV6_NORMALISATION(Family.BOTH,
      List.of("IP2", "IP3", "M1", "G1", "BD5", "BD6", "C1", "U1", "BU2", "VG1", "VP1", "VBD1", "VBU1"),
      "IPv6 text is validated but stored and returned as sent, so 2001:DB8:0::1 stays as it is",
      Plant.store(StoreMutants.NoIpv6Normalisation::new)),

  FOLDS_IPV4_MAPPED(Family.BOTH, List.of("IP3", "IP2"),
      "::ffff:a.b.c.d is folded into the IPv4 address a.b.c.d, as InetAddress does",
      Plant.store(StoreMutants.FoldsIpv4Mapped::new)),

  ACCEPTS_LEADING_ZERO_IPV4(Family.BOTH, List.of("IP1"),
      "IPv4 octets with leading zeros are accepted and read as decimal (010.0.0.1)",
      Plant.store(StoreMutants.AcceptsLeadingZeroIpv4::new)),

  DUPLICATES_NOT_DETECTED(Family.BOTH, List.of("BD5", "BU2", "VBD1", "VBU1"),
      "a later duplicate in a batch is processed too: deleted twice, or upserted again",
      Plant.store(StoreMutants.DuplicatesNotDetected::new)),

  FAILED_ITEM_ECHOES_TEXT_AS_SENT(Family.BOTH, List.of("BD6", "VBD1", "VBU1"),
      "a failed batch item carries the text as sent even when it is a valid IP with another canonical form",
      Plant.store(StoreMutants.FailedItemEchoesTextAsSent::new)),

  MODIFIED_ON_WHEN_NOTHING_SUCCEEDED(Family.V1, List.of("BD7", "BU5", "BD9"),
      "a v1 batch in which nothing succeeded still reports a modified_on time",
      Plant.v1(V1Mutants.ModifiedOnWhenNothingSucceeded::new)),

  MODIFIED_ON_KEPT_WHEN_ZONE_EMPTY(Family.BOTH, List.of("L1", "G2", "BD7", "VM1"),
      "once the zone's last mapping is removed, the v1 list keeps the last change time instead of null",
      Plant.store(StoreMutants.ModifiedOnKeptWhenZoneEmpty::new)),

  SERVER_ERROR_ON_MALFORMED_JSON(Family.BOTH, List.of("E4", "BD1", "BU1", "VBD1", "VBU1", "VP1"),
      "a request body that is not valid JSON makes the server answer 500",
      Plant.bodies(BodiesMutants.ServerErrorOnMalformedJson::new)),

  OK_STATUS_WITH_ERROR_ENVELOPE(Family.BOTH, List.of("BD1", "BD2", "BU1", "E1", "VBD1", "VBU1", "VK1"),
      "a malformed or oversized batch body answers 200 with an error envelope instead of 400",
      Plant.bodies(BodiesMutants.OkStatusWithErrorEnvelope::new)),

  SORTED_BATCH_RESULTS(Family.V1, List.of("BD4"),
      "v1 batch results are sorted by address instead of keeping the request's order",
      Plant.v1(V1Mutants.SortedBatchResults::new)),

  RACY_BATCH_DELETE(Family.BOTH, List.of("BD11", "VBD1"),
      "batch delete takes no lock and checks before it acts, so concurrent deletes can both report one mapping",
      Plant.store(StoreMutants.RacyBatchDelete::new)),

  SHARED_STORE_ACROSS_ZONES(Family.BOTH, List.of("Z2", "BD8", "VBD1"),
      "one store serves every zone, so a mapping created in one zone shows up in all others",
      Plant.store(StoreMutants.SharedStoreAcrossZones::new)),

  SKIPS_KEY_CHECK(Family.BOTH, List.of("A2"),
      "the secret is not checked for X-Auth-Key: any key with any email is accepted",
      Plant.authenticator(AuthenticatorMutants.SkipsKeyCheck::new)),

  NO_ZONE_LIMIT(Family.BOTH, List.of("M2", "BU4", "C1", "U1", "VP1", "VBU1"),
      "the limit of 3,500 mappings per zone is not enforced",
      Plant.store(StoreMutants.NoZoneLimit::new)),

  LIST_NOT_SORTED(Family.BOTH, List.of("M4", "VL1"),
      "the list comes in order of last change, newest first, instead of by address",
      Plant.store(StoreMutants.ListNotSorted::new)),

  TOKEN_ECHOED_IN_ERROR(Family.BOTH, List.of("A3"),
      "error messages echo the credential that the request presented",
      Plant.around(AnswerRewrites::tokenEchoedInError)),

  NO_BODY_SIZE_LIMIT(Family.BOTH, List.of("E4"),
      "bodies over 1 MiB are read and processed (up to 64 MiB) instead of being refused with 413",
      Plant.bodies(BodiesMutants.NoBodySizeLimit::new)),

  GET_DOES_NOT_NORMALISE_PATH(Family.BOTH, List.of("G1", "VG1"),
      "single get looks the path IP up as sent, without normalising it first",
      Plant.store(StoreMutants.GetDoesNotNormalisePath::new)),

  // ------------------------------------------------------------------ v2 mutants

  V2_HYPHEN_ORIGIN_IP_KEY(Family.V2, List.of("VK1", "VG1", "VP1", "VBD1", "VBU1"),
      "v2 entries and batch items use the v1 key origin-ip for origin_ip",
      Plant.around(AnswerRewrites::hyphenOriginIpKey)),

  V2_V1_ENVELOPE(Family.V2, List.of("VK1", "VG1", "VP1", "VL1", "VBD1", "VBU1"),
      "v2 results are wrapped as v1 settings, {id, editable, modified_on, value}, instead of flat",
      Plant.around(AnswerRewrites::v1EnvelopeOnV2)),

  V2_SEPARATE_STORES(Family.BOTH, List.of("VS1", "VM1"),
      "v1 and v2 keep two stores, so a mapping written through one family is missing from the other",
      Plant.v2(V2Mutants.SeparateStores::new)),

  V2_PAGES_OVERLAP(Family.V2, List.of("VL1"),
      "every v2 list page after the first starts one entry early, repeating the previous page's last entry",
      Plant.v2(V2Mutants.PagesOverlap::new)),

  V2_PAGES_SKIP(Family.V2, List.of("VL1"),
      "every v2 list page after the first starts one entry late per page, skipping an entry at each boundary",
      Plant.v2(V2Mutants.PagesSkip::new)),

  V2_TOTAL_PAGES_OFF_BY_ONE(Family.V2, List.of("VL1"),
      "total_pages is total_count / per_page + 1: one too many when it divides, and 1 for an empty zone",
      Plant.v2(V2Mutants.TotalPagesOffByOne::new)),

  V2_PAGE_PAST_END_REFUSED(Family.V2, List.of("VL1"),
      "a v2 list page past the last answers 400 (code 1146) instead of 200 with an empty result",
      Plant.v2(V2Mutants.PagePastEndRefused::new)),

  V2_PER_PAGE_CLAMPED(Family.V2, List.of("VL1"),
      "an out-of-range per_page (0, 101, ...) is clamped into 1 to 100 instead of refused with 1146",
      Plant.around(AnswerRewrites::perPageClamped)),

  V2_PUT_MISMATCH_ACCEPTED(Family.V2, List.of("VP1"),
      "a v2 put whose body origin_ip names another address than the path is accepted, writing the path's",
      Plant.v2(V2Mutants.PutMismatchAccepted::new)),

  V2_PUT_MATCHES_RAW_TEXT(Family.V2, List.of("VP1"),
      "a v2 put compares body and path IP as text, so PUT /2001:DB8::1 with body 2001:db8::1 is refused",
      Plant.v2(V2Mutants.PutMatchesRawText::new)),

  V2_BATCH_PUT_REPLACES_ZONE(Family.V2, List.of("VBU1"),
      "a v2 batch put replaces the zone's mappings instead of merging: mappings it does not name are removed",
      Plant.v2(V2Mutants.BatchPutReplacesZone::new)),

  V2_DELETE_ANSWERS_ENTRY(Family.V2, List.of("VG1"),
      "v2 single delete answers the whole removed entry instead of {origin_ip}",
      Plant.v2(V2Mutants.DeleteAnswersEntry::new)),

  V2_DELETE_ECHOES_PATH_TEXT(Family.V2, List.of("VG1"),
      "v2 single delete answers the path's IP text as sent instead of the canonical form",
      Plant.v2(V2Mutants.DeleteEchoesPathText::new)),

  V2_BATCH_DELETE_BARE_SUCCEEDED(Family.V2, List.of("VBD1"),
      "succeeded items of a v2 batch delete carry origin_ip only, without the removed vendor and region",
      Plant.around(AnswerRewrites::bareSucceededItems)),

  V2_PUT_KEEPS_MODIFIED_ON(Family.V2, List.of("VP1", "VM1"),
      "a v2 put with the same vendor and region is treated as no change: modified_on does not move",
      Plant.store(StoreMutants.PutKeepsModifiedOn::new)),

  V2_CHANGE_TOUCHES_ZONE(Family.V2, List.of("VM1", "VBD1", "VBU1"),
      "every v2 change sets modified_on of all the zone's mappings to its time, untouched ones included",
      Plant.v2(V2Mutants.ChangeTouchesZone::new)),

  V2_SUPPORTED_REGIONS_PARTIAL(Family.BOTH, List.of("S1"),
      "v2 supported_regions leaves out the last vendor that v1's supported_regions lists",
      Plant.around(AnswerRewrites::v2SupportedRegionsPartial));

  /** The family of paths whose answers a mutant changes. */
  public enum Family {
    /** Only v1's, {@code /cache/origin_cloud_regions}. */
    V1,
    /** Only v2's, {@code /origin/cloud_regions}. */
    V2,
    /** Both: the defect lives in a part the families share (or in how they share it). */
    BOTH
  }

  private final Family family;
  private final List<String> rules;
  private final String description;
  private final ServerParts parts;

  Mutant(Family family, List<String> rules, String description, ServerParts parts) {
    this.family = family;
    this.rules = rules;
    this.description = description;
    this.parts = parts;
  }

  /** The family of paths whose answers this mutant changes. */
  public Family family() {
    return family;
  }

  /**
   * The contract rules whose text this mutant breaks, the one it is about first. A rule is listed when the
   * mutant makes the server contradict that rule's own text, not when it merely upsets a check that covers it.
   */
  public List<String> rules() {
    return rules;
  }

  /** The rule this mutant is about: the first of {@link #rules()}. */
  public String rule() {
    return rules.get(0);
  }

  /** What is wrong with this mutant, in one line. */
  public String description() {
    return description;
  }

  /** Starts a server carrying this mutant on 127.0.0.1, an ephemeral port, a generated token and no request log. */
  public ReferenceServer start() {
    return start(Options.defaults().requestLog(line -> { }));
  }

  /** Starts a server carrying this mutant, otherwise as {@code options} say. */
  public ReferenceServer start(Options options) {
    return ReferenceServer.start(options, parts);
  }

  /**
   * Starts a server carrying several mutants at once, otherwise as {@code options} say. Each must live in a part
   * of its own (say one in the bodies, one in the store); two in the same part are refused with an
   * {@link IllegalArgumentException}.
   */
  public static ReferenceServer startTogether(Options options, Mutant... mutants) {
    List<ServerParts> parts = new ArrayList<>();
    for (Mutant mutant : mutants) {
      parts.add(mutant.parts);
    }
    // The server is made from its parts before it listens: a clash is refused before a port is taken.
    return ReferenceServer.start(options, Plant.together(parts));
  }
}
