package dev.origincloudregions.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.origincloudregions.sdk.RecordingServer.Recorded;
import dev.origincloudregions.sdk.RecordingServer.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A deterministic batch endpoint of both families for {@link RecordingServer#dispatch}: it answers each
 * batch request by echoing its items, in order, as failed when the item's IP text contains '9' and as
 * succeeded otherwise, so that a test can compute the exact expected result from its input alone.
 *
 * <ul>
 *   <li>Batch delete: a succeeded item carries vendor {@code aws} and region {@code us-east-1}.
 *   <li>Batch upsert (v1 {@code PATCH}, v2 {@code PUT}): a succeeded item carries the vendor and region
 *       sent.
 *   <li>A failed item carries only its IP text and the error {@code "contains 9"}.
 *   <li>v1 ({@code /cache/origin_cloud_regions/batch}): the answer is wrapped in {@code {id, editable,
 *       modified_on, value}}, {@code modified_on} null when nothing succeeded, otherwise {@link
 *       #modifiedOn} of the batch; items use the key {@code origin-ip}, request items {@code ip}.
 *   <li>v2 ({@code /origin/cloud_regions/batch}): the answer is the flat {@code {succeeded, failed}};
 *       items and request items use the key {@code origin_ip}.
 * </ul>
 */
final class EchoBatches {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OffsetDateTime BASE = OffsetDateTime.parse("2026-03-01T12:00:00Z");

  private EchoBatches() {}

  static Reply answer(Recorded request) {
    boolean v2 = v2(request);
    if (!v2 && !request.path().endsWith("/cache/origin_cloud_regions/batch")) {
      throw new AssertionError("not a batch request: " + request.method() + " " + request.rawPath());
    }
    boolean delete = request.method().equals("DELETE");
    if (!delete && !request.method().equals(v2 ? "PUT" : "PATCH")) {
      throw new AssertionError("unexpected method " + request.method() + " " + request.rawPath());
    }
    List<BatchItem> succeeded = new ArrayList<>();
    List<BatchItem> failed = new ArrayList<>();
    for (JsonNode item : body(request)) {
      String ip = delete ? item.textValue() : item.path(v2 ? "origin_ip" : "ip").textValue();
      if (ip == null) {
        throw new AssertionError("malformed item " + item);
      }
      if (ip.contains("9")) {
        failed.add(failedItem(ip));
      } else if (delete) {
        succeeded.add(new BatchItem(ip, "aws", "us-east-1", null));
      } else {
        succeeded.add(new BatchItem(ip, item.path("vendor").textValue(), item.path("region").textValue(), null));
      }
    }
    String ipKey = v2 ? "origin_ip" : "origin-ip";
    ObjectNode value = JSON.createObjectNode();
    value.set("succeeded", items(succeeded, ipKey));
    value.set("failed", items(failed, ipKey));
    if (v2) {
      return Reply.json(200, envelope(value));
    }
    ObjectNode result = JSON.createObjectNode();
    result.put("editable", true);
    result.put("id", "origin_public_cloud_region");
    OffsetDateTime modified = succeeded.isEmpty() ? null : modifiedOn(ips(request));
    if (modified == null) {
      result.putNull("modified_on");
    } else {
      result.put("modified_on", modified.toString());
    }
    result.set("value", value);
    return Reply.json(200, envelope(result));
  }

  private static String envelope(ObjectNode result) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.putArray("errors");
    envelope.putArray("messages");
    envelope.set("result", result);
    envelope.put("success", true);
    return envelope.toString();
  }

  static BatchItem failedItem(String ip) {
    return new BatchItem(ip, null, null, "contains 9");
  }

  /**
   * The batch's {@code modified_on}: a time that depends on the batch's items, so that it goes up and
   * down from one batch to the next and merging must pick the latest, not the last.
   */
  static OffsetDateTime modifiedOn(List<String> batchIps) {
    return BASE.plusSeconds(Math.floorMod(String.join(",", batchIps).hashCode(), 100_000));
  }

  /**
   * The item IPs of a batch request (the strings of a delete, the {@code ip} or {@code origin_ip} of
   * each upsert item).
   */
  static List<String> ips(Recorded request) {
    List<String> ips = new ArrayList<>();
    for (JsonNode item : body(request)) {
      ips.add(item.isTextual() ? item.textValue() : (item.has("ip") ? item.path("ip") : item.path("origin_ip")).textValue());
    }
    return ips;
  }

  /** Whether a request is v2's batch path. */
  static boolean v2(Recorded request) {
    return request.path().endsWith("/origin/cloud_regions/batch");
  }

  /**
   * The expected merged modifiedOn of batch requests: the latest of the v1 ones where something
   * succeeded (v2 answers carry none).
   */
  static @Nullable OffsetDateTime latestModifiedOn(List<Recorded> requests) {
    OffsetDateTime latest = null;
    for (Recorded r : requests) {
      List<String> ips = ips(r);
      if (!v2(r) && ips.stream().anyMatch(ip -> !ip.contains("9"))) {
        OffsetDateTime t = modifiedOn(ips);
        latest = latest == null || t.isAfter(latest) ? t : latest;
      }
    }
    return latest;
  }

  static JsonNode body(Recorded request) {
    try {
      JsonNode body = JSON.readTree(request.body());
      if (body == null || !body.isArray()) {
        throw new AssertionError("batch body is not a JSON array: " + request.bodyText());
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ArrayNode items(List<BatchItem> items, String ipKey) {
    ArrayNode array = JSON.createArrayNode();
    for (BatchItem i : items) {
      ObjectNode o = array.addObject();
      o.put(ipKey, i.originIp());
      if (i.vendor() != null) {
        o.put("vendor", i.vendor());
        o.put("region", i.region());
      }
      if (i.error() != null) {
        o.put("error", i.error());
      }
    }
    return array;
  }
}
