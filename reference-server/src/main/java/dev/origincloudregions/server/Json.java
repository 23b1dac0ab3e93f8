package dev.origincloudregions.server;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Reading request bodies as strict JSON, and writing the response envelope [E1] and its shared parts. */
final class Json {
  /**
   * Strict reading: duplicate keys and anything after the first JSON value are errors, so an
   * ambiguous body is refused rather than guessed at. Jackson's default stream constraints bound
   * nesting depth and number lengths, so a hostile body fails as malformed instead of exhausting
   * the stack.
   */
  static final ObjectMapper READER = new ObjectMapper(JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final JsonFactory WRITER = new JsonFactory();
  private static final SerializedString SUCCEEDED = new SerializedString("succeeded");
  private static final SerializedString FAILED = new SerializedString("failed");
  private static final SerializedString VENDOR = new SerializedString("vendor");
  private static final SerializedString REGION = new SerializedString("region");
  private static final SerializedString ERROR = new SerializedString("error");

  /** Writes the {@code result} member of a success envelope. */
  @FunctionalInterface
  interface Result {
    void write(JsonGenerator json) throws IOException;
  }

  private Json() {}

  /** {@code {"success":true,"errors":[],"messages":[],"result":...}} */
  static byte[] success(Result result) {
    return success(result, null);
  }

  /**
   * {@code {"success":true,"errors":[],"messages":[],"result":...,"result_info":...}}: a page of a list
   * [VL1]; without {@code result_info} when {@code resultInfo} is null.
   */
  static byte[] success(Result result, Result resultInfo) {
    return write(json -> {
      json.writeStartObject();
      json.writeBooleanField("success", true);
      json.writeArrayFieldStart("errors");
      json.writeEndArray();
      json.writeArrayFieldStart("messages");
      json.writeEndArray();
      json.writeFieldName("result");
      result.write(json);
      if (resultInfo != null) {
        json.writeFieldName("result_info");
        resultInfo.write(json);
      }
      json.writeEndObject();
    });
  }

  /** {@code {"success":false,"errors":[{"code":...,"message":...}],"messages":[],"result":null}} */
  static byte[] failure(int code, String message) {
    return write(json -> {
      json.writeStartObject();
      json.writeBooleanField("success", false);
      json.writeArrayFieldStart("errors");
      json.writeStartObject();
      json.writeNumberField("code", code);
      json.writeStringField("message", message);
      json.writeEndObject();
      json.writeEndArray();
      json.writeArrayFieldStart("messages");
      json.writeEndArray();
      json.writeNullField("result");
      json.writeEndObject();
    });
  }

  /**
   * Writes a batch result's {@code {"succeeded": [...], "failed": [...]}}, both in request order [BD4]:
   * succeeded items with vendor and region, failed ones with their error [BD5]. {@code originIpKey} is
   * the family's spelling, {@code origin-ip} or {@code origin_ip} [M1, VK1].
   */
  static void writeBatchItems(JsonGenerator json, SerializableString originIpKey, List<BatchOutcome.Item> items)
      throws IOException {
    json.writeStartObject();
    json.writeFieldName(SUCCEEDED);
    json.writeStartArray();
    for (BatchOutcome.Item item : items) {
      if (item.isSucceeded()) {
        json.writeStartObject();
        json.writeFieldName(originIpKey);
        json.writeString(item.originIp());
        json.writeFieldName(VENDOR);
        json.writeString(item.vendor());
        json.writeFieldName(REGION);
        json.writeString(item.region());
        json.writeEndObject();
      }
    }
    json.writeEndArray();
    json.writeFieldName(FAILED);
    json.writeStartArray();
    for (BatchOutcome.Item item : items) {
      if (!item.isSucceeded()) {
        json.writeStartObject();
        json.writeFieldName(originIpKey);
        json.writeString(item.originIp());
        json.writeFieldName(ERROR);
        json.writeString(item.error());
        json.writeEndObject();
      }
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static byte[] write(Result body) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(1024);
        JsonGenerator json = WRITER.createGenerator(out, JsonEncoding.UTF8)) {
      body.write(json);
      json.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
  }
}
