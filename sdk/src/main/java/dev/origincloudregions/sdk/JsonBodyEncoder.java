package dev.origincloudregions.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feign's encoder for request bodies: writes the body with the client's Jackson mapper, as its declared
 * type, straight to UTF-8 bytes. It replaces the generated ApiClient's {@code FormEncoder(JacksonEncoder)}
 * (every body of this API is JSON), whose form check copies the request's headers on every call, and it
 * keeps one {@link ObjectWriter} per body type instead of making one per call (sdk/README.md,
 * "Performance").
 */
final class JsonBodyEncoder implements Encoder {
  private final ObjectMapper mapper;
  private final Map<Type, ObjectWriter> writers = new ConcurrentHashMap<>();

  JsonBodyEncoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void encode(Object object, Type bodyType, RequestTemplate template) {
    ObjectWriter writer = writers.computeIfAbsent(bodyType, t -> mapper.writerFor(mapper.constructType(t)));
    try {
      template.body(writer.writeValueAsBytes(object), StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new EncodeException("cannot write the request body as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
