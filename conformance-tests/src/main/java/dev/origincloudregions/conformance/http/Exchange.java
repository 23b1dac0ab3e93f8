package dev.origincloudregions.conformance.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One request and what came back: the unit of evidence. A check that fails points at the exchange that shows the
 * failure, and the report turns it into a {@code curl} command.
 *
 * @param method HTTP method
 * @param url full URL as sent
 * @param headers request headers as sent (name, value), credentials included; never printed as is
 * @param body request body bytes, or null when none was sent
 * @param chunked whether the body was sent with chunked transfer encoding
 * @param status response status, or -1 when no response was read (see {@code transportError})
 * @param responseHeaders response headers (lower-case names)
 * @param responseBody raw response body
 * @param json the parsed body, or null when it is not JSON (see {@code jsonError})
 * @param jsonError why the body is not JSON, or null
 * @param transportError the I/O failure (dropped connection, timeout), or null
 */
public record Exchange(
    String method,
    String url,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    boolean chunked,
    int status,
    Map<String, List<String>> responseHeaders,
    byte[] responseBody,
    JsonNode json,
    String jsonError,
    String transportError) {

  public String responseText() {
    return responseBody == null ? "" : new String(responseBody, StandardCharsets.UTF_8);
  }

  String requestText() {
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }

  public String header(String name) {
    List<String> v = responseHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  public JsonNode result() {
    return json == null ? null : json.get("result");
  }

  /** The first error code, or -1. */
  public int errorCode() {
    if (json == null || !json.path("errors").isArray() || json.path("errors").isEmpty()) {
      return -1;
    }
    JsonNode c = json.path("errors").get(0).get("code");
    return c != null && c.canConvertToInt() ? c.asInt() : -1;
  }

  public String errorMessage() {
    if (json == null || !json.path("errors").isArray() || json.path("errors").isEmpty()) {
      return "";
    }
    return json.path("errors").get(0).path("message").asText("");
  }

  /** A short description for messages: {@code DELETE .../batch -> 400}. */
  public String brief() {
    String path = url.replaceFirst("^https?://[^/]+", "");
    return method + " " + path + " -> " + (status < 0 ? "no response (" + transportError + ")" : status);
  }

  /** The response, abbreviated for messages. */
  public String responseBrief() {
    if (status < 0) {
      return "no response: " + transportError;
    }
    String t = responseText();
    return status + " " + (t.length() > 600 ? t.substring(0, 600) + "...(" + t.length() + " chars)" : t);
  }
}
