package dev.origincloudregions.server;

import static dev.origincloudregions.server.Probe.each;
import static dev.origincloudregions.server.Probe.ipArray;
import static dev.origincloudregions.server.Probe.ips;
import static dev.origincloudregions.server.Probe.keys;
import static dev.origincloudregions.server.Probe.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each mutant really does what its description says, and only to its family: the same requests, sent to the
 * unmutated server and to the mutant, are answered as the contract says by the first and with the defect by the
 * second. So when the zoo reports a mutant caught, a real defect was caught; and when it misses one, the suite
 * missed a real defect. The switch below has a case for every mutant (the compiler checks it).
 */
class MutantBehaviourTest {

  /** Requests and what they show: {@code correct} from the unmutated server, {@code defective} from the mutant. */
  record Scenario(Function<Probe, String> probe, String correct, String defective) {}

  /** The unmutated server: one for all tests, each of which works in zones of its own. */
  static ReferenceServer reference;

  @BeforeAll
  static void startTheUnmutatedServer() {
    reference = ReferenceServer.start(Options.defaults().requestLog(line -> { }));
  }

  @AfterAll
  static void stopTheUnmutatedServer() {
    reference.close();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Mutant.class)
  void changesWhatItClaimsAndNothingElse(Mutant mutant) {
    Scenario scenario = scenario(mutant);
    try (ReferenceServer mutated = mutant.start()) {
      assertThat(mutated.baseUrl().getHost()).as("a mutant listens on loopback only").isEqualTo("127.0.0.1");
      assertThat(scenario.probe().apply(new Probe(reference))).as("the unmutated server").isEqualTo(scenario.correct());
      assertThat(scenario.probe().apply(new Probe(mutated))).as("%s: %s", mutant, mutant.description())
          .isEqualTo(scenario.defective());
    }
  }

  @Test
  void mutantsInDifferentPartsGoTogetherAndTwoInOnePartAreRefused() {
    Scenario limit = scenario(Mutant.BATCH_LIMIT_OFF_BY_ONE);
    Scenario duplicates = scenario(Mutant.DUPLICATES_NOT_DETECTED);
    Scenario echo = scenario(Mutant.TOKEN_ECHOED_IN_ERROR);
    Scenario key = scenario(Mutant.UNDERSCORE_ORIGIN_IP_KEY);
    try (ReferenceServer both = Mutant.startTogether(Options.defaults().requestLog(line -> { }),
        Mutant.BATCH_LIMIT_OFF_BY_ONE, Mutant.DUPLICATES_NOT_DETECTED, Mutant.TOKEN_ECHOED_IN_ERROR,
        Mutant.UNDERSCORE_ORIGIN_IP_KEY)) {
      assertThat(limit.probe().apply(new Probe(both))).isEqualTo(limit.defective());
      assertThat(duplicates.probe().apply(new Probe(both))).isEqualTo(duplicates.defective());
      assertThat(echo.probe().apply(new Probe(both))).as("one wrapper around the other").isEqualTo(echo.defective());
      assertThat(key.probe().apply(new Probe(both))).isEqualTo(key.defective());
    }
    assertThatThrownBy(() -> Mutant.startTogether(Options.defaults(), Mutant.NO_ZONE_LIMIT, Mutant.LIST_NOT_SORTED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same part, Store");
  }

  static Scenario scenario(Mutant mutant) {
    return switch (mutant) {
      case BATCH_LIMIT_OFF_BY_ONE -> new Scenario(
          p -> "v1 " + p.send("DELETE", p.v1() + "/batch", ipArray(101)).status()
              + ", v2 " + p.send("DELETE", p.v2() + "/batch", ipArray(101)).status(),
          "v1 400, v2 400", "v1 200, v2 200");
      case APPLIES_FIRST_HUNDRED_OF_OVERSIZED_BATCH -> new Scenario(p -> {
        p.create(ips(1).get(0));
        String v1 = "v1 " + p.send("DELETE", p.v1() + "/batch", ipArray(101)).status() + " left " + p.v1Ips().size();
        p.freshZone().put(ips(1).get(0), ips(1).get(0));
        String v2 = "v2 " + p.send("DELETE", p.v2() + "/batch", ipArray(101)).status() + " left " + p.v2Ips().size();
        return v1 + ", " + v2;
      }, "v1 400 left 1, v2 400 left 1", "v1 400 left 0, v2 400 left 1");
      case DROPS_LAST_RESULT -> new Scenario(
          p -> "v1 " + resultItems(p.send("DELETE", p.v1() + "/batch", "[\"192.0.2.1\",\"x\"]").result().path("value"))
              + ", v2 " + resultItems(p.send("DELETE", p.v2() + "/batch", "[\"192.0.2.1\",\"x\"]").result()),
          "v1 2 items, v2 2 items", "v1 1 items, v2 2 items");
      case UNDERSCORE_ORIGIN_IP_KEY -> new Scenario(p -> {
        p.create("192.0.2.1");
        return "v1 " + keys(p.get(p.v1() + "/192.0.2.1").result().path("value"))
            + ", v2 " + keys(p.get(p.v2() + "/192.0.2.1").result());
      }, "v1 [origin-ip, vendor, region, modified_on], v2 [origin_ip, vendor, region, modified_on]",
          "v1 [origin_ip, vendor, region, modified_on], v2 [origin_ip, vendor, region, modified_on]");
      case NO_IPV6_NORMALISATION -> new Scenario(
          p -> "v2 " + p.put("2001:DB8:0:0::1", "2001:DB8:0:0::1").result().path("origin_ip").asText()
              + ", v1 " + p.create("2001:DB8:0:0::2").result().path("value").path("origin-ip").asText(),
          "v2 2001:db8::1, v1 2001:db8::2", "v2 2001:DB8:0:0::1, v1 2001:DB8:0:0::2");
      case FOLDS_IPV4_MAPPED -> new Scenario(
          p -> "v1 " + p.create("::ffff:192.0.2.1").result().path("value").path("origin-ip").asText()
              + ", v2 " + p.put("::ffff:192.0.2.2", "::ffff:192.0.2.2").result().path("origin_ip").asText(),
          "v1 ::ffff:192.0.2.1, v2 ::ffff:192.0.2.2", "v1 192.0.2.1, v2 192.0.2.2");
      case ACCEPTS_LEADING_ZERO_IPV4 -> new Scenario(p -> {
        Probe.Answer create = p.create("010.0.0.1");
        return "v1 " + create.status() + " " + create.result().path("value").path("origin-ip").asText()
            + ", v2 " + p.get(p.v2() + "/010.0.0.1").status();
      }, "v1 400 , v2 400", "v1 200 10.0.0.1, v2 200");
      case DUPLICATES_NOT_DETECTED -> new Scenario(p -> {
        p.create("192.0.2.1");
        p.put("192.0.2.2", "192.0.2.2");
        Probe.Answer v1 = p.send("DELETE", p.v1() + "/batch", "[\"192.0.2.1\",\"192.0.2.1\"]");
        Probe.Answer v2 = p.send("DELETE", p.v2() + "/batch", "[\"192.0.2.2\",\"192.0.2.2\"]");
        Probe.Answer upsert = p.putAll(List.of("192.0.2.3", "192.0.2.3"));
        return "v1 delete " + outcome(v1.result().path("value")) + ", v2 delete " + outcome(v2.result())
            + ", v2 put " + outcome(upsert.result());
      }, "v1 delete 1/1, v2 delete 1/1, v2 put 1/1", "v1 delete 2/0, v2 delete 2/0, v2 put 2/0");
      case FAILED_ITEM_ECHOES_TEXT_AS_SENT -> new Scenario(
          p -> "v1 " + each(p.send("DELETE", p.v1() + "/batch", "[\"2001:DB8::1\"]").result().path("value").path("failed"),
              "origin-ip")
              + ", v2 " + each(p.send("DELETE", p.v2() + "/batch", "[\"2001:DB8::2\"]").result().path("failed"), "origin_ip"),
          "v1 [2001:db8::1], v2 [2001:db8::2]", "v1 [2001:DB8::1], v2 [2001:DB8::2]");
      case MODIFIED_ON_WHEN_NOTHING_SUCCEEDED -> new Scenario(
          p -> "v1 " + timeOf(p.send("DELETE", p.v1() + "/batch", "[\"192.0.2.1\"]").result())
              + ", v2 " + timeOf(p.send("DELETE", p.v2() + "/batch", "[\"192.0.2.1\"]").result()),
          "v1 null, v2 absent", "v1 a time, v2 absent");
      case MODIFIED_ON_KEPT_WHEN_ZONE_EMPTY -> new Scenario(p -> {
        p.create("192.0.2.1");
        p.send("DELETE", p.v1() + "/192.0.2.1", null);
        String afterV1 = timeOf(p.get(p.v1()).result());
        p.freshZone().put("192.0.2.1", "192.0.2.1");
        p.send("DELETE", p.v2() + "/192.0.2.1", null);
        return "after a v1 delete " + afterV1 + ", after a v2 delete " + timeOf(p.get(p.v1()).result());
      }, "after a v1 delete null, after a v2 delete null", "after a v1 delete a time, after a v2 delete a time");
      case SERVER_ERROR_ON_MALFORMED_JSON -> new Scenario(
          p -> "v1 " + p.send("DELETE", p.v1() + "/batch", "[").status()
              + ", v2 " + p.send("PUT", p.v2() + "/192.0.2.1", "{").status(),
          "v1 400, v2 400", "v1 500, v2 500");
      case OK_STATUS_WITH_ERROR_ENVELOPE -> new Scenario(p -> {
        Probe.Answer malformed = p.send("DELETE", p.v1() + "/batch", "{}");
        Probe.Answer tooMany = p.send("DELETE", p.v2() + "/batch", ipArray(101));
        return "v1 " + malformed.status() + " success " + malformed.json().path("success") + ", v2 " + tooMany.status()
            + " success " + tooMany.json().path("success");
      }, "v1 400 success false, v2 400 success false", "v1 200 success false, v2 200 success false");
      case SORTED_BATCH_RESULTS -> new Scenario(
          p -> "v1 " + each(p.send("DELETE", p.v1() + "/batch", "[\"192.0.2.9\",\"192.0.2.10\"]").result().path("value")
              .path("failed"), "origin-ip")
              + ", v2 " + each(p.send("DELETE", p.v2() + "/batch", "[\"192.0.2.9\",\"192.0.2.10\"]").result()
              .path("failed"), "origin_ip"),
          "v1 [192.0.2.9, 192.0.2.10], v2 [192.0.2.9, 192.0.2.10]", "v1 [192.0.2.10, 192.0.2.9], v2 [192.0.2.9, 192.0.2.10]");
      case RACY_BATCH_DELETE -> new Scenario(MutantBehaviourTest::concurrentDeletes,
          "no mapping reported deleted twice", "a mapping reported deleted twice");
      case SHARED_STORE_ACROSS_ZONES -> new Scenario(p -> {
        p.create("192.0.2.1");
        p.freshZone();
        return "another zone holds v1 " + p.v1Ips() + ", v2 " + p.v2Ips();
      }, "another zone holds v1 [], v2 []", "another zone holds v1 [192.0.2.1], v2 [192.0.2.1]");
      case SKIPS_KEY_CHECK -> new Scenario(
          p -> "wrong key " + p.sendWith("GET", p.v2(), null, "X-Auth-Email", "a@example.com", "X-Auth-Key", "wrong").status()
              + ", no email " + p.sendWith("GET", p.v2(), null, "X-Auth-Key", "wrong").status(),
          "wrong key 403, no email 403", "wrong key 200, no email 403");
      case NO_ZONE_LIMIT -> new Scenario(p -> {
        List<String> all = ips(3_500);
        for (int i = 0; i < all.size(); i += 100) {
          p.upsertAll(all.subList(i, i + 100));
        }
        return "v1 create " + p.create("192.0.2.1").status() + ", v2 put " + p.put("192.0.2.2", "192.0.2.2").status();
      }, "v1 create 403, v2 put 403", "v1 create 200, v2 put 200");
      case LIST_NOT_SORTED -> new Scenario(p -> {
        p.upsertAll(List.of("192.0.2.1", "192.0.2.2"));
        return "v1 " + p.v1Ips() + ", v2 " + p.v2Ips();
      }, "v1 [192.0.2.1, 192.0.2.2], v2 [192.0.2.1, 192.0.2.2]", "v1 [192.0.2.2, 192.0.2.1], v2 [192.0.2.2, 192.0.2.1]");
      case TOKEN_ECHOED_IN_ERROR -> new Scenario(p -> {
        Probe.Answer refused = p.sendWith("GET", p.v2(), null, "Authorization", "Bearer wrong-secret-123");
        return refused.status() + " " + refused.message();
      }, "403 Authentication error", "403 Authentication error (credential: Bearer wrong-secret-123)");
      case NO_BODY_SIZE_LIMIT -> new Scenario(
          p -> "v1 " + p.send("DELETE", p.v1() + "/batch", "[" + " ".repeat(Bodies.MAX_BODY_BYTES) + "]").status(),
          "v1 413", "v1 200");
      case GET_DOES_NOT_NORMALISE_PATH -> new Scenario(p -> {
        p.put("2001:db8::1", "2001:db8::1");
        return "v1 " + p.get(p.v1() + "/2001:DB8::1").status() + ", v2 " + p.get(p.v2() + "/2001:DB8:0::1").status();
      }, "v1 200, v2 200", "v1 404, v2 404");

      case V2_HYPHEN_ORIGIN_IP_KEY -> new Scenario(p -> {
        p.put("192.0.2.1", "192.0.2.1");
        return "v2 " + keys(p.get(p.v2() + "/192.0.2.1").result())
            + ", v1 " + keys(p.get(p.v1() + "/192.0.2.1").result().path("value"));
      }, "v2 [origin_ip, vendor, region, modified_on], v1 [origin-ip, vendor, region, modified_on]",
          "v2 [origin-ip, vendor, region, modified_on], v1 [origin-ip, vendor, region, modified_on]");
      case V2_V1_ENVELOPE -> new Scenario(p -> {
        p.put("192.0.2.1", "192.0.2.1");
        return "v2 get " + keys(p.get(p.v2() + "/192.0.2.1").result())
            + ", v2 regions " + keys(p.get(p.v2() + "/supported_regions").result());
      }, "v2 get [origin_ip, vendor, region, modified_on], v2 regions [obtained_codes, vendors]",
          "v2 get [id, editable, modified_on, value], v2 regions [obtained_codes, vendors]");
      case V2_SEPARATE_STORES -> new Scenario(p -> {
        p.create("192.0.2.1");
        p.put("192.0.2.2", "192.0.2.2");
        return "v1 list " + p.v1Ips() + ", v2 list " + p.v2Ips();
      }, "v1 list [192.0.2.1, 192.0.2.2], v2 list [192.0.2.1, 192.0.2.2]", "v1 list [192.0.2.1], v2 list [192.0.2.2]");
      case V2_PAGES_OVERLAP, V2_PAGES_SKIP -> new Scenario(MutantBehaviourTest::everyPageOfFive,
          "[192.0.2.1, 192.0.2.2, 192.0.2.3, 192.0.2.4, 192.0.2.5]",
          mutant == Mutant.V2_PAGES_OVERLAP
              ? "[192.0.2.1, 192.0.2.2, 192.0.2.2, 192.0.2.3, 192.0.2.4, 192.0.2.5]"
              : "[192.0.2.1, 192.0.2.2, 192.0.2.4, 192.0.2.5]");
      case V2_TOTAL_PAGES_OFF_BY_ONE -> new Scenario(p -> {
        String empty = p.get(p.v2() + "?per_page=2").json().path("result_info").path("total_pages").asText();
        p.putAll(List.of("192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4"));
        return "empty " + empty + ", 4 by 2 " + p.get(p.v2() + "?per_page=2").json().path("result_info").path("total_pages");
      }, "empty 0, 4 by 2 2", "empty 1, 4 by 2 3");
      case V2_PAGE_PAST_END_REFUSED -> new Scenario(p -> {
        int emptyFirst = p.get(p.v2() + "?page=1").status();
        p.put("192.0.2.1", "192.0.2.1");
        Probe.Answer past = p.get(p.v2() + "?page=2");
        return "empty zone page 1: " + emptyFirst + ", page 2 of 1: " + past.status() + " " + past.result();
      }, "empty zone page 1: 200, page 2 of 1: 200 []", "empty zone page 1: 200, page 2 of 1: 400 null");
      case V2_PER_PAGE_CLAMPED -> new Scenario(
          p -> "per_page=0 " + perPage(p.get(p.v2() + "?per_page=0")) + ", per_page=101 "
              + perPage(p.get(p.v2() + "?per_page=101")) + ", per_page=7 " + perPage(p.get(p.v2() + "?per_page=7")),
          "per_page=0 400, per_page=101 400, per_page=7 200 7", "per_page=0 200 1, per_page=101 200 100, per_page=7 200 7");
      case V2_PUT_MISMATCH_ACCEPTED -> new Scenario(
          p -> "put " + p.put("192.0.2.1", "192.0.2.2").status() + ", then get " + p.get(p.v2() + "/192.0.2.1").status(),
          "put 400, then get 404", "put 200, then get 200");
      case V2_PUT_MATCHES_RAW_TEXT -> new Scenario(
          p -> "same address, other text " + p.put("2001:DB8::1", "2001:db8::1").status()
              + ", other address " + p.put("192.0.2.1", "192.0.2.2").status(),
          "same address, other text 200, other address 400", "same address, other text 400, other address 400");
      case V2_BATCH_PUT_REPLACES_ZONE -> new Scenario(p -> {
        p.put("192.0.2.1", "192.0.2.1");
        p.putAll(List.of("192.0.2.2"));
        return "v2 list " + p.v2Ips();
      }, "v2 list [192.0.2.1, 192.0.2.2]", "v2 list [192.0.2.2]");
      case V2_DELETE_ANSWERS_ENTRY -> new Scenario(p -> {
        p.put("192.0.2.1", "192.0.2.1");
        return keys(p.send("DELETE", p.v2() + "/192.0.2.1", null).result()).toString();
      }, "[origin_ip]", "[origin_ip, vendor, region, modified_on]");
      case V2_DELETE_ECHOES_PATH_TEXT -> new Scenario(p -> {
        p.put("2001:db8::1", "2001:db8::1");
        return p.send("DELETE", p.v2() + "/2001:DB8:0::1", null).result().toString();
      }, "{\"origin_ip\":\"2001:db8::1\"}", "{\"origin_ip\":\"2001:DB8:0::1\"}");
      case V2_BATCH_DELETE_BARE_SUCCEEDED -> new Scenario(p -> {
        p.put("192.0.2.1", "192.0.2.1");
        p.create("192.0.2.2");
        return "v2 " + keys(p.send("DELETE", p.v2() + "/batch", "[\"192.0.2.1\"]").result().path("succeeded").path(0))
            + ", v1 " + keys(p.send("DELETE", p.v1() + "/batch", "[\"192.0.2.2\"]").result().path("value")
            .path("succeeded").path(0));
      }, "v2 [origin_ip, vendor, region], v1 [origin-ip, vendor, region]", "v2 [origin_ip], v1 [origin-ip, vendor, region]");
      case V2_PUT_KEEPS_MODIFIED_ON -> new Scenario(p -> {
        String before = p.put("192.0.2.1", "192.0.2.1").result().path("modified_on").asText();
        String after = p.put("192.0.2.1", "192.0.2.1").result().path("modified_on").asText();
        p.create("192.0.2.2");
        String v1Before = p.get(p.v2() + "/192.0.2.2").result().path("modified_on").asText();
        p.send("PATCH", p.v1(), "{\"ip\":\"192.0.2.2\",\"vendor\":\"aws\",\"region\":\"us-east-1\"}");
        String v1After = p.get(p.v2() + "/192.0.2.2").result().path("modified_on").asText();
        return "same v2 put again: " + (after.equals(before) ? "kept" : "moved")
            + ", same v1 upsert again: " + (v1After.equals(v1Before) ? "kept" : "moved");
      }, "same v2 put again: moved, same v1 upsert again: moved", "same v2 put again: kept, same v1 upsert again: moved");
      case V2_CHANGE_TOUCHES_ZONE -> new Scenario(p -> {
        String before = p.put("192.0.2.1", "192.0.2.1").result().path("modified_on").asText();
        p.put("192.0.2.2", "192.0.2.2");
        String afterV2 = p.get(p.v2() + "/192.0.2.1").result().path("modified_on").asText();
        p.freshZone().create("192.0.2.1");
        String v1Before = p.get(p.v2() + "/192.0.2.1").result().path("modified_on").asText();
        p.create("192.0.2.2");
        String afterV1 = p.get(p.v2() + "/192.0.2.1").result().path("modified_on").asText();
        return "untouched entry after a v2 put: " + (afterV2.equals(before) ? "kept" : "moved")
            + ", after a v1 create: " + (afterV1.equals(v1Before) ? "kept" : "moved");
      }, "untouched entry after a v2 put: kept, after a v1 create: kept",
          "untouched entry after a v2 put: moved, after a v1 create: kept");
      case V2_SUPPORTED_REGIONS_PARTIAL -> new Scenario(
          p -> "v1 " + keys(p.get(p.v1() + "/supported_regions").result().path("vendors"))
              + ", v2 " + keys(p.get(p.v2() + "/supported_regions").result().path("vendors")),
          "v1 [aws, azure, gcp, oci], v2 [aws, azure, gcp, oci]", "v1 [aws, azure, gcp, oci], v2 [aws, azure, gcp]");
    };
  }

  /** {@code |succeeded| + |failed|} of a batch result. */
  private static String resultItems(JsonNode result) {
    return (result.path("succeeded").size() + result.path("failed").size()) + " items";
  }

  /** {@code succeeded/failed} counts of a batch result. */
  private static String outcome(JsonNode result) {
    return result.path("succeeded").size() + "/" + result.path("failed").size();
  }

  /** "null", "a time" or "absent": a result's modified_on. */
  private static String timeOf(JsonNode result) {
    JsonNode time = result.get("modified_on");
    return time == null ? "absent" : time.isNull() ? "null" : "a time";
  }

  /** The status of a v2 list and, when it is 200, the per_page it used. */
  private static String perPage(Probe.Answer answer) {
    return answer.status() + (answer.status() == 200 ? " " + answer.json().path("result_info").path("per_page") : "");
  }

  /** Five mappings read through v2 pages of two, page after page until total_pages. */
  private static String everyPageOfFive(Probe p) {
    p.putAll(List.of("192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4", "192.0.2.5"));
    List<String> read = new ArrayList<>();
    int totalPages = p.get(p.v2() + "?per_page=2").json().path("result_info").path("total_pages").asInt();
    for (int page = 1; page <= totalPages; page++) {
      read.addAll(each(p.get(p.v2() + "?per_page=2&page=" + page).result(), "origin_ip"));
    }
    return read.toString();
  }

  /**
   * BD11: two batch deletes of the same 100 mappings at once, again and again (at most 60 rounds): does any
   * mapping show up in the succeeded items of both?
   */
  private static String concurrentDeletes(Probe p) {
    List<String> hundred = ips(100);
    for (int round = 0; round < 60; round++) {
      p.upsertAll(hundred);
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Probe.Answer>> deletes = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        deletes.add(CompletableFuture.supplyAsync(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return p.send("DELETE", p.v1() + "/batch", quoted(hundred));
        }));
      }
      start.countDown();
      Set<String> first = new HashSet<>(each(deletes.get(0).join().result().path("value").path("succeeded"), "origin-ip"));
      List<String> second = each(deletes.get(1).join().result().path("value").path("succeeded"), "origin-ip");
      if (second.stream().anyMatch(first::contains)) {
        return "a mapping reported deleted twice";
      }
    }
    return "no mapping reported deleted twice";
  }
}
