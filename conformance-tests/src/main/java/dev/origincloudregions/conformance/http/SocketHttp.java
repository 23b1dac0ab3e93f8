package dev.origincloudregions.conformance.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

/**
 * A bare HTTP/1.1 client on a socket, for what {@link java.net.http.HttpClient} will not do: announce a body and
 * send only part of it, so the suite can tell whether the server refuses an oversized body without reading it whole
 * (E4). Header values may hold credential placeholders: {@code resolve} turns them into the secrets on the wire,
 * and the recorded exchange keeps the placeholders.
 */
final class SocketHttp {
  private SocketHttp() {}

  /**
   * Sends headers and {@code sent} bytes of a body announced as {@code declared} bytes (or chunked when
   * {@code declared < 0}), then reads the answer without sending the rest.
   */
  static Exchange partial(String url, String method, List<Map.Entry<String, String>> headers, byte[] sent,
      long declared, int timeoutMillis, java.util.function.UnaryOperator<String> resolve) {
    URI u = URI.create(url);
    boolean tls = u.getScheme().equals("https");
    int port = u.getPort() > 0 ? u.getPort() : tls ? 443 : 80;
    String path = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    List<Map.Entry<String, String>> all = new ArrayList<>(headers);
    all.add(Map.entry("Content-Type", "application/json"));
    byte[] reported = new byte[(int) Math.min(Integer.MAX_VALUE - 8, declared < 0 ? sent.length : declared)];
    java.util.Arrays.fill(reported, sent.length > 0 ? sent[0] : (byte) ' ');
    System.arraycopy(sent, 0, reported, 0, Math.min(sent.length, reported.length));
    try (Socket s = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket()) {
      s.connect(new InetSocketAddress(u.getHost(), port), 10_000);
      s.setSoTimeout(timeoutMillis);
      OutputStream out = s.getOutputStream();
      StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
      head.append("Host: ").append(u.getHost()).append(u.getPort() > 0 ? ":" + u.getPort() : "").append("\r\n");
      for (Map.Entry<String, String> h : all) {
        head.append(h.getKey()).append(": ").append(resolve.apply(h.getValue())).append("\r\n");
      }
      head.append(declared < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + declared + "\r\n");
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      try {
        if (declared < 0) {
          int chunk = 64 * 1024;
          for (int i = 0; i < sent.length; i += chunk) {
            int n = Math.min(chunk, sent.length - i);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(sent, i, n);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
          }
        } else {
          out.write(sent);
        }
        out.flush();
      } catch (IOException e) {
        // The server may answer and close before taking all we send; read what it said.
      }
      return read(s.getInputStream(), method, url, all, reported, declared < 0);
    } catch (SocketTimeoutException e) {
      return new Exchange(method, url, all, reported, declared < 0, -1, Map.of(), new byte[0], null, null,
          "no answer within " + timeoutMillis + " ms: the server waits for the whole body");
    } catch (IOException e) {
      return new Exchange(method, url, all, reported, declared < 0, -1, Map.of(), new byte[0], null, null,
          e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static Exchange read(InputStream in, String method, String url, List<Map.Entry<String, String>> headers,
      byte[] body, boolean chunked) throws IOException {
    String status = line(in);
    if (status == null) {
      throw new IOException("connection closed without an answer");
    }
    String[] sp = status.split(" ", 3);
    int code = Integer.parseInt(sp[1]);
    Map<String, List<String>> h = new LinkedHashMap<>();
    for (String l; (l = line(in)) != null && !l.isEmpty(); ) {
      int c = l.indexOf(':');
      h.computeIfAbsent(l.substring(0, c).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(l.substring(c + 1).trim());
    }
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    String te = h.containsKey("transfer-encoding") ? h.get("transfer-encoding").get(0) : "";
    if (te.equalsIgnoreCase("chunked")) {
      for (String l; (l = line(in)) != null; ) {
        int n = Integer.parseInt(l.split(";")[0].trim(), 16);
        if (n == 0) {
          break;
        }
        b.write(in.readNBytes(n));
        line(in);
      }
    } else if (h.containsKey("content-length")) {
      b.write(in.readNBytes(Integer.parseInt(h.get("content-length").get(0))));
    } else {
      b.write(in.readAllBytes());
    }
    return HttpTarget.complete(method, url, headers, body, chunked, code, h, b.toByteArray());
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }
}
