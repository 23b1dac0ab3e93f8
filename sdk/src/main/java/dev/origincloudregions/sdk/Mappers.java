package dev.origincloudregions.sdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.origincloudregions.sdk.internal.generated.invoker.RFC3339DateFormat;
import dev.origincloudregions.sdk.internal.generated.invoker.RFC3339JavaTimeModule;
import org.openapitools.jackson.nullable.JsonNullableModule;

/**
 * The client's Jackson mapper: the settings of the generated {@code ApiClient.createObjectMapper()}
 * (which the SDK does not instantiate, see {@link OriginCloudRegions}), plus the SDK's own: requests
 * never carry null fields, and unknown fields in answers are ignored.
 */
final class Mappers {
  private Mappers() {}

  static ObjectMapper create() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING);
    mapper.enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING);
    mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE);
    mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    mapper.setDateFormat(new RFC3339DateFormat());
    mapper.registerModule(new JavaTimeModule());
    mapper.registerModule(new RFC3339JavaTimeModule());
    mapper.registerModule(new JsonNullableModule());
    mapper.setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    return mapper;
  }
}
