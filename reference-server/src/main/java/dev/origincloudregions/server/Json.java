package dev.origincloudregions.server;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reading request bodies and writing the response envelope [E1]. */
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

  /** Writes the {@code result} member of a success envelope. */
  @FunctionalInterface
  interface Result {
    void write(JsonGenerator json) throws IOException;
  }

  private Json() {}

  /** {@code {"success":true,"errors":[],"messages":[],"result":...}} */
  static byte[] success(Result result) {
    return write(json -> {
      json.writeStartObject();
      json.writeBooleanField("success", true);
      json.writeArrayFieldStart("errors");
      json.writeEndArray();
      json.writeArrayFieldStart("messages");
      json.writeEndArray();
      json.writeFieldName("result");
      result.write(json);
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
