package dev.origincloudregions.server;

import static dev.origincloudregions.server.Fixtures.docIps;
import static dev.origincloudregions.server.Fixtures.v2PutBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** VL1: the v2 list's pages, rule by rule, and a property over random zones and page sizes. */
class V2ListTest extends ServerTestSupport {

  /** Seeds {@code ips} into a zone through v2 batch puts of 100. */
  static void seed(String zone, List<String> ips) {
    for (int from = 0; from < ips.size(); from += 100) {
      List<String> chunk = ips.subList(from, Math.min(ips.size(), from + 100));
      RawHttp.Reply reply = http.send("PUT", v2Path(zone) + "/batch", v2PutBody(chunk));
      assertThat(reply.result().path("succeeded")).hasSize(chunk.size());
    }
  }

  /**
   * Reads every page of a zone's list with {@code perPage}, checking each page's {@code result_info},
   * and returns the IPs in the order read. Also reads the page past the last one.
   */
  static List<String> readAllPages(String zone, int perPage, int expectedTotal) {
    List<String> read = new ArrayList<>();
    int expectedPages = (expectedTotal + perPage - 1) / perPage;
    for (int page = 1; page <= Math.max(1, expectedPages) + 1; page++) {
      RawHttp.Reply reply = http.get(v2Path(zone) + "?page=" + page + "&per_page=" + perPage);
      assertThat(reply.status()).isEqualTo(200);
      JsonNode info = reply.json().path("result_info");
      int expectedCount = Math.max(0, Math.min(perPage, expectedTotal - (page - 1) * perPage));
      assertThat(info.path("page").asInt()).isEqualTo(page);
      assertThat(info.path("per_page").asInt()).isEqualTo(perPage);
      assertThat(info.path("count").asInt()).as("count of page %d", page).isEqualTo(expectedCount);
      assertThat(info.path("total_count").asInt()).isEqualTo(expectedTotal);
      assertThat(info.path("total_pages").asInt()).isEqualTo(expectedPages);
      assertThat(reply.result()).as("entries of page %d", page).hasSize(expectedCount);
      for (JsonNode entry : reply.result()) {
        read.add(entry.path("origin_ip").asText());
      }
    }
    return read;
  }

  /** M4's order computed independently: IPv4 before IPv6, then by numeric value (no IPv4-mapped addresses here). */
  static List<String> inListOrder(List<String> ips) {
    List<String> sorted = new ArrayList<>(ips);
    sorted.sort(Comparator.comparing((String ip) -> ip.contains(":")).thenComparing(V2ListTest::numeric));
    return sorted;
  }

  private static BigInteger numeric(String ip) {
    try {
      return new BigInteger(1, InetAddress.getByName(ip).getAddress());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(ip, e);
    }
  }

  @Test
  @DisplayName("VL1: an empty zone has one empty page 1 and 0 pages; the defaults are page 1, per_page 20")
  void emptyZone() {
    RawHttp.Reply reply = http.get(v2Path(newZone()));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.result().isArray()).isTrue();
    assertThat(reply.result()).isEmpty();
    assertThat(reply.json().path("result_info").toString())
        .isEqualTo("{\"page\":1,\"per_page\":20,\"count\":0,\"total_count\":0,\"total_pages\":0}");
  }

  @Test
  @DisplayName("VL1: without parameters, the first 20 entries in M4 order; result_info adds up")
  void defaults() {
    String zone = newZone();
    List<String> ips = docIps(45);
    seed(zone, ips);
    RawHttp.Reply reply = http.get(v2Path(zone));
    assertThat(reply.json().path("result_info").toString())
        .isEqualTo("{\"page\":1,\"per_page\":20,\"count\":20,\"total_count\":45,\"total_pages\":3}");
    List<String> first = new ArrayList<>();
    reply.result().forEach(entry -> first.add(entry.path("origin_ip").asText()));
    assertThat(first).isEqualTo(inListOrder(ips).subList(0, 20));
  }

  @ParameterizedTest(name = "[{index}] {0} mappings, per_page {1}")
  @DisplayName("VL1: reading every page yields each mapping exactly once in M4 order; total_pages = ceil; past the end is empty")
  @CsvSource({"1, 1", "1, 100", "20, 20", "21, 20", "99, 100", "100, 100", "101, 100", "250, 7", "3500, 100", "3500, 33"})
  void everyMappingOnceInOrder(int size, int perPage) {
    String zone = newZone();
    List<String> ips = docIps(size);
    seed(zone, ips);
    assertThat(readAllPages(zone, perPage, size)).isEqualTo(inListOrder(ips));
  }

  @Test
  @DisplayName("VL1: a page far past the last, even beyond 64 bits, answers 200 with an empty result and echoes the page")
  void farPastTheEnd() {
    String zone = newZone();
    seed(zone, docIps(3));
    for (String page : List.of("4", "2147483648", "99999999999999999999999")) {
      RawHttp.Reply reply = http.get(v2Path(zone) + "?page=" + page + "&per_page=1");
      assertThat(reply.status()).as("page %s", page).isEqualTo(200);
      assertThat(reply.result()).isEmpty();
      assertThat(reply.json().path("result_info").path("page").bigIntegerValue()).isEqualTo(new BigInteger(page));
      assertThat(reply.json().path("result_info").path("total_pages").asInt()).isEqualTo(3);
    }
  }

  @ParameterizedTest(name = "[{index}] ?{0}")
  @DisplayName("VL1: paging parameters that are decimal integers in range are accepted, leading zeros and escapes included")
  @CsvSource(delimiter = '|', textBlock = """
      page=1&per_page=100           | 1 | 100
      per_page=1                    | 1 | 1
      page=02&per_page=007          | 2 | 7
      page=%32                      | 2 | 20
      other=x&page=3                | 3 | 20
      """)
  void acceptedParameters(String query, int page, int perPage) {
    RawHttp.Reply reply = http.get(v2Path(newZone()) + "?" + query);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("result_info").path("page").asInt()).isEqualTo(page);
    assertThat(reply.json().path("result_info").path("per_page").asInt()).isEqualTo(perPage);
  }

  @ParameterizedTest(name = "[{index}] ?{0}")
  @DisplayName("VL1: out-of-range or non-integer paging answers 400 with code 1146 and a message naming the parameter")
  @CsvSource(delimiter = '|', textBlock = """
      per_page=0                 | invalid per_page parameter, must be between 1 and 100
      per_page=101               | invalid per_page parameter, must be between 1 and 100
      per_page=-1                | invalid per_page parameter, must be between 1 and 100
      per_page=                  | invalid per_page parameter, must be between 1 and 100
      per_page                   | invalid per_page parameter, must be between 1 and 100
      per_page=ten               | invalid per_page parameter, must be between 1 and 100
      per_page=2.0               | invalid per_page parameter, must be between 1 and 100
      per_page=1e1               | invalid per_page parameter, must be between 1 and 100
      per_page=+5                | invalid per_page parameter, must be between 1 and 100
      per_page=99999999999999999999 | invalid per_page parameter, must be between 1 and 100
      page=0                     | invalid page parameter, must be a whole number of at least 1
      page=-3                    | invalid page parameter, must be a whole number of at least 1
      page=                      | invalid page parameter, must be a whole number of at least 1
      page=one                   | invalid page parameter, must be a whole number of at least 1
      page=1.5                   | invalid page parameter, must be a whole number of at least 1
      page=%201                  | invalid page parameter, must be a whole number of at least 1
      page=1&page=2              | invalid page parameter, given more than once
      per_page=5&per_page=5      | invalid per_page parameter, given more than once
      """)
  void refusedParameters(String query, String message) {
    String zone = newZone();
    seed(zone, docIps(2));
    RawHttp.Reply reply = http.get(v2Path(zone) + "?" + query);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo(1146);
    assertThat(reply.json().path("errors").get(0).path("message").asText()).isEqualTo(message);
  }

  /**
   * For random zones (0 to 230 mappings, IPv4 and IPv6 in random text forms, created in random order)
   * and any per_page from 1 to 100: the pages hold every mapping exactly once, in M4 order, and
   * result_info adds up on every page, including the one past the end.
   */
  @Test
  @DisplayName("VL1, M4: property: for any zone size and per_page, the pages partition the list in order")
  void pagingProperty() {
    qt().withExamples(40).forAll(integers().between(0, 230), integers().between(1, 100), longs().all())
        .checkAssert((size, perPage, seed) -> {
          Random random = new Random(seed);
          List<String> canonical = new ArrayList<>();
          List<String> sent = new ArrayList<>();
          while (canonical.size() < size) {
            boolean v6 = random.nextBoolean();
            String ip = v6
                ? "2001:db8:" + Integer.toHexString(1 + random.nextInt(3)) + "::" + Integer.toHexString(1 + random.nextInt(0xffff))
                : "198.51.100." + random.nextInt(256);
            if (canonical.contains(ip)) {
              continue;
            }
            canonical.add(ip);
            sent.add(v6 && random.nextBoolean() ? ip.toUpperCase(Locale.ROOT).replace("::", ":0:0:0:0:") : ip);
          }
          String zone = newZone();
          Collections.shuffle(sent, random);
          seed(zone, sent);
          assertThat(readAllPages(zone, perPage, size)).isEqualTo(inListOrder(canonical));
        });
  }
}
