package dev.origincloudregions.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw HTTP through {@link java.net.http.HttpClient}, for what the SDK cannot send (malformed bodies,
 * wrong credentials, unknown paths). Every response is validated against the spec.
 */
final class RawHttp {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final URI baseUrl;
  private final String token;
  private final String apiBasePath;

  /** A client for the API at {@code baseUrl}. */
  RawHttp(URI baseUrl, String token) {
    this(baseUrl, token, baseUrl.getPath());
  }

  /** A client for paths below {@code baseUrl}, of a server whose API lives under {@code apiBasePath}. */
  RawHttp(URI baseUrl, String token, String apiBasePath) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.apiBasePath = apiBasePath;
  }

  /** A response, its body parsed when it is JSON. */
  record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("response body is not JSON: " + body, e);
      }
    }

    /** The first error's code, or 0. */
    int errorCode() {
      JsonNode errors = json().path("errors");
      return errors.size() == 0 ? 0 : errors.get(0).path("code").asInt();
    }

    JsonNode result() {
      return json().path("result");
    }
  }

  /** A request builder: path below the base URL, the server's token unless replaced. */
  final class Call {
    private final String method;
    private final String apiPath;
    private final List<String[]> headers = new ArrayList<>();
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    private boolean authenticated = true;

    Call(String method, String apiPath) {
      this.method = method;
      this.apiPath = apiPath;
    }

    Call body(String json) {
      this.body = HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
      return header("Content-Type", "application/json");
    }

    Call body(HttpRequest.BodyPublisher publisher) {
      this.body = publisher;
      return header("Content-Type", "application/json");
    }

    Call header(String name, String value) {
      headers.add(new String[] {name, value});
      return this;
    }

    /** Sends no credentials of its own (add them with {@link #header}). */
    Call anonymous() {
      this.authenticated = false;
      return this;
    }

    Reply send() {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + apiPath))
          .timeout(Duration.ofSeconds(20))
          .method(method, body);
      if (authenticated) {
        request.header("Authorization", "Bearer " + token);
      }
      for (String[] header : headers) {
        request.header(header[0], header[1]);
      }
      try {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        String fullPath = baseUrl.getPath() + (apiPath.contains("?") ? apiPath.substring(0, apiPath.indexOf('?')) : apiPath);
        if (fullPath.startsWith(apiBasePath + "/")) {
          SpecValidator.instance().assertConforms(method, fullPath.substring(apiBasePath.length()),
              response.statusCode(), contentType, response.body());
        } else {
          SpecValidator.instance().assertFailureEnvelope(method + " " + fullPath, response.statusCode(), contentType,
              response.body());
        }
        return new Reply(response.statusCode(), contentType, response.body(), response.headers());
      } catch (IOException e) {
        throw new UncheckedIOException(method + " " + apiPath + " failed: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  Call call(String method, String apiPath) {
    return new Call(method, apiPath);
  }

  Reply get(String apiPath) {
    return call("GET", apiPath).send();
  }

  Reply send(String method, String apiPath, String json) {
    return call(method, apiPath).body(json).send();
  }
}
