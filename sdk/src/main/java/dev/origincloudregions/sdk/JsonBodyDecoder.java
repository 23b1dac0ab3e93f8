package dev.origincloudregions.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

/**
 * Feign's decoder for 2xx answers: parses the body's bytes with the client's Jackson mapper, which is
 * faster than Feign's JacksonDecoder, which parses characters through a Reader. (The transport has
 * already read the body whole, see {@link JdkTransport}.)
 *
 * <p>The generated {@code *WithHttpInfo} methods, which need the generated ApiResponseDecoder, are not
 * used by the SDK.
 */
final class JsonBodyDecoder implements Decoder {
  private final ObjectMapper mapper;

  JsonBodyDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public Object decode(Response response, Type type) throws IOException {
    if (response.body() == null) {
      return null;
    }
    byte[] body;
    try (InputStream in = response.body().asInputStream()) {
      body = in.readAllBytes();
    }
    return body.length == 0 ? null : mapper.readValue(body, mapper.constructType(type));
  }
}
