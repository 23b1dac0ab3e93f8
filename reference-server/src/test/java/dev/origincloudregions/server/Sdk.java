package dev.origincloudregions.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.origincloudregions.sdk.generated.api.OriginCloudRegionsApi;
import dev.origincloudregions.sdk.generated.invoker.ApiClient;
import feign.Client;
import feign.Request;
import feign.Response;
import feign.Retryer;
import feign.http2client.Http2Client;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * The project's SDK (the generated Feign interface) pointed at a server, with every response validated
 * against the spec on its way in.
 */
final class Sdk {
  private Sdk() {}

  static OriginCloudRegionsApi client(URI baseUrl, String token) {
    ApiClient apiClient = new ApiClient("api_token");
    apiClient.setBearerToken(token);
    apiClient.setBasePath(baseUrl.toString());
    apiClient.getObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    apiClient.getFeignBuilder()
        .client(new SpecCheckingClient(new Http2Client(), baseUrl.getPath()))
        .retryer(Retryer.NEVER_RETRY);
    return apiClient.buildClient(OriginCloudRegionsApi.class);
  }

  /** Reads each response whole, validates it against the spec, then hands it on. */
  private static final class SpecCheckingClient implements Client {
    private final Client delegate;
    private final String basePath;

    SpecCheckingClient(Client delegate, String basePath) {
      this.delegate = delegate;
      this.basePath = basePath;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
      Response response = delegate.execute(request, options);
      byte[] body;
      if (response.body() == null) {
        body = new byte[0];
      } else {
        try (InputStream in = response.body().asInputStream()) {
          body = in.readAllBytes();
        }
      }
      String path = URI.create(request.url()).getRawPath().substring(basePath.length());
      Collection<String> contentTypes = response.headers().getOrDefault("content-type", java.util.List.of());
      String contentType = contentTypes.isEmpty() ? null : contentTypes.iterator().next();
      SpecValidator.instance().assertConforms(request.httpMethod().name(), path, response.status(), contentType,
          new String(body, StandardCharsets.UTF_8));
      return response.toBuilder().body(body).build();
    }
  }
}
