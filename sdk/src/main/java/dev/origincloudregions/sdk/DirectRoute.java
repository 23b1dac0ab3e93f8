package dev.origincloudregions.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.origincloudregions.sdk.internal.generated.api.OriginCloudRegionsApi;
import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.RetryableException;
import feign.codec.DecodeException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One operation of the generated Feign interface, sent without Feign's per-call request templating,
 * for the hot batch calls: Feign expands its URI and header templates and copies the request several
 * times on every call. Skipping that took the calling thread's time per 100-item batch from 24 µs over
 * the bare HTTP call's to 10 µs (sdk/README.md, "Performance").
 *
 * <p>Nothing here is written by hand from the spec: everything comes from the generated code, read once
 * when the client is built. The operation is named by calling it ({@link #of}, on a recording proxy), so
 * that a spec change that renames it or changes its parameters fails to compile, as a Feign call would;
 * the method and path come from its {@code @RequestLine}, its headers from {@code @Headers}, the body's
 * type from its parameter and the answer's type from its return type. A template this class does not
 * know (a query, an expression in a header, a second body) fails when the client is built.
 *
 * <p>The request and its outcome are those of the Feign call, which {@code DirectRouteTest} checks
 * on the wire: the same transport ({@link JdkTransport#send}), path values percent-encoded as Feign's
 * simple expressions encode them (all but RFC 3986's unreserved characters), the same JSON writer and
 * reader settings, and the same exceptions for {@link Caller}: {@link HttpError} for a non-2xx answer,
 * a {@link RetryableException} when no answer arrived, a {@link DecodeException} for an unreadable one.
 *
 * @param <R> the generated answer model
 */
final class DirectRoute<R> {
  private final Request.HttpMethod method;
  private final String methodName;
  /** The path's literal parts; path value {@code i} goes between {@code literals[i]} and {@code literals[i + 1]}. */
  private final String[] literals;
  /** Per path value, the index of the argument that holds it. */
  private final int[] pathArgument;
  private final int bodyArgument;
  private final String[][] headers;
  private final ObjectWriter writer;
  private final ObjectReader reader;
  private final ObjectMapper mapper;
  private final JdkTransport transport;
  private final String baseUrl;
  private final long readTimeoutNanos;

  private DirectRoute(Method operation, ObjectMapper mapper, JdkTransport transport, String baseUrl,
      long readTimeoutNanos) {
    String where = OriginCloudRegionsApi.class.getSimpleName() + "." + operation.getName();
    RequestLine line = operation.getAnnotation(RequestLine.class);
    if (line == null || OriginCloudRegionsApi.class.getAnnotation(Headers.class) != null) {
      throw new IllegalStateException(where + ": no @RequestLine, or headers on the interface");
    }
    String[] methodAndPath = line.value().trim().split(" +", 2);
    this.method = Request.HttpMethod.valueOf(methodAndPath[0]);
    this.methodName = method.name();
    String path = methodAndPath[1];
    if (path.contains("?")) {
      throw new IllegalStateException(where + ": a query is not supported: " + line.value());
    }

    Annotation[][] parameters = operation.getParameterAnnotations();
    List<String> names = new ArrayList<>();
    int body = -1;
    for (int i = 0; i < parameters.length; i++) {
      Param param = null;
      for (Annotation a : parameters[i]) {
        if (a instanceof Param p) {
          param = p;
        } else if (a.annotationType().getPackageName().equals("feign")) {
          throw new IllegalStateException(where + ": a parameter annotated @" + a.annotationType().getSimpleName());
        }
      }
      if (param != null) {
        names.add(param.value());
      } else if (body < 0) {
        body = i;
        names.add(null);
      } else {
        throw new IllegalStateException(where + ": more than one body parameter");
      }
    }
    if (body < 0) {
      throw new IllegalStateException(where + ": no body parameter");
    }
    this.bodyArgument = body;

    List<String> parts = new ArrayList<>();
    List<Integer> arguments = new ArrayList<>();
    int at = 0;
    for (int open = path.indexOf('{'); open >= 0; open = path.indexOf('{', at)) {
      int close = path.indexOf('}', open);
      int argument = close < 0 ? -1 : names.indexOf(path.substring(open + 1, close));
      if (argument < 0) {
        throw new IllegalStateException(where + ": an expression without a @Param: " + line.value());
      }
      parts.add(path.substring(at, open));
      arguments.add(argument);
      at = close + 1;
    }
    parts.add(path.substring(at));
    this.literals = parts.toArray(String[]::new);
    this.pathArgument = arguments.stream().mapToInt(Integer::intValue).toArray();

    Headers declared = operation.getAnnotation(Headers.class);
    List<String[]> pairs = new ArrayList<>();
    for (String header : declared == null ? new String[0] : declared.value()) {
      int colon = header.indexOf(':');
      if (colon <= 0 || header.contains("{") || JdkTransport.isRestricted(header.substring(0, colon).trim())) {
        throw new IllegalStateException(where + ": a header that is not a plain 'Name: value' the JDK client "
            + "accepts: " + header);
      }
      pairs.add(new String[] {header.substring(0, colon).trim(), header.substring(colon + 1).trim()});
    }
    this.headers = pairs.toArray(String[][]::new);

    this.writer = mapper.writerFor(mapper.constructType(operation.getGenericParameterTypes()[body]));
    this.reader = mapper.readerFor(mapper.constructType(operation.getGenericReturnType()));
    this.mapper = mapper;
    this.transport = transport;
    this.baseUrl = baseUrl;
    this.readTimeoutNanos = readTimeoutNanos;
  }

  /**
   * The route of the operation that {@code operation} calls on the generated interface, for example
   * {@code api -> api.originCloudRegionsV2BatchDelete(null, null)} (the arguments are not used).
   */
  static <R> DirectRoute<R> of(Function<OriginCloudRegionsApi, R> operation, ObjectMapper mapper,
      JdkTransport transport, String baseUrl, long readTimeoutNanos) {
    Method[] called = new Method[1];
    OriginCloudRegionsApi recorder =
        (OriginCloudRegionsApi)
            Proxy.newProxyInstance(
                OriginCloudRegionsApi.class.getClassLoader(),
                new Class<?>[] {OriginCloudRegionsApi.class},
                (proxy, m, args) -> {
                  called[0] = m;
                  return null;
                });
    operation.apply(recorder);
    if (called[0] == null) {
      throw new IllegalStateException("the operation did not call the generated interface");
    }
    return new DirectRoute<>(called[0], mapper, transport, baseUrl, readTimeoutNanos);
  }

  /** The operation's method and path template, as its {@code @RequestLine} says. */
  @Override
  public String toString() {
    return methodName + " " + String.join("{}", literals);
  }

  /**
   * Sends the operation with {@code arguments} in the generated method's order, and reads the answer;
   * null for a 2xx answer without a body, as through Feign.
   */
  @Nullable R call(Object... arguments) {
    StringBuilder url = new StringBuilder(baseUrl.length() + 96).append(baseUrl);
    for (int i = 0; i < pathArgument.length; i++) {
      url.append(literals[i]);
      encode(String.valueOf(arguments[pathArgument[i]]), url);
    }
    String target = url.append(literals[literals.length - 1]).toString();
    byte[] body;
    try {
      body = writer.writeValueAsBytes(arguments[bodyArgument]);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write the request body as JSON: " + e.getMessage(), e);
    }

    HttpResponse<byte[]> response;
    try {
      response = transport.send(methodName, target, body, readTimeoutNanos, builder -> {
        for (String[] header : headers) {
          builder.header(header[0], header[1]);
        }
      });
    } catch (IOException e) {
      // As Feign reports a request that got no answer (FeignException.errorExecuting).
      throw new RetryableException(-1, e.getMessage() + " executing " + methodName + " " + target, method, e,
          (Long) null, request(target, body));
    }

    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      throw HttpError.of(mapper, status, response.body(), response.headers().allValues("Retry-After"));
    }
    byte[] answer = response.body();
    if (answer == null || answer.length == 0) {
      return null; // as Feign's decoder answers: the conversion to records reports a missing body
    }
    try {
      return reader.readValue(answer);
    } catch (IOException e) {
      // As Feign reports an answer its decoder cannot read (FeignException.errorReading).
      throw new DecodeException(status, e.getMessage() + " reading " + methodName + " " + target,
          request(target, body), e);
    } catch (RuntimeException e) {
      // As Feign reports any other failure of its decoder (InvocationContext.decode).
      throw new DecodeException(status, e.getMessage(), request(target, body), e);
    }
  }

  /** Feign's view of the request, for the exceptions that carry one; made only on failure. */
  private Request request(String url, byte[] body) {
    Map<String, Collection<String>> none = Map.of();
    return Request.create(method, url, none, body, StandardCharsets.UTF_8, null);
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Percent-encodes all but RFC 3986's unreserved characters, in UTF-8, as Feign's path expressions do. */
  static void encode(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isUnreserved(c)) {
        out.append(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < value.length() ? i + 2 : i + 1;
        for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        i = end - 1;
      }
    }
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }
}
