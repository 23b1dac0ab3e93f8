package dev.origincloudregions.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real TCP proxy on 127.0.0.1 in front of a server, that loses answers on demand, in the spirit of
 * Toxiproxy: it forwards each request whole to the server, lets the server apply it and answer, and then
 * does to the answer what the next queued fault says, before a byte of it reaches the client:
 *
 * <ul>
 *   <li>{@link Fault#DROP}: close the client's connection at once (a connection reset after the send);
 *   <li>{@link Fault#HOLD}: keep the connection open and silent for a while, then close it (the client's
 *       read timeout fires first);
 *   <li>{@link Fault#BAD_GATEWAY}: answer 502 instead (an edge that lost the origin's answer).
 * </ul>
 *
 * Faults are queued with {@link #next} and used by the next answers in order; with none queued, answers
 * pass through untouched. The proxy speaks plain bytes, one thread per direction per connection, and
 * knows nothing of HTTP except that an answer starts with the first bytes the server sends after a
 * request: callers queue faults only between calls, never while an answer is on its way.
 */
final class FaultProxy implements AutoCloseable {
  enum Fault {
    DROP,
    HOLD,
    BAD_GATEWAY
  }

  private static final String BAD_GATEWAY_BODY =
      "{\"success\":false,\"errors\":[{\"code\":1000,\"message\":\"bad gateway\"}],\"messages\":[],\"result\":null}";
  private static final byte[] BAD_GATEWAY_ANSWER = ("HTTP/1.1 502 Bad Gateway\r\nContent-Type: application/json\r\n"
      + "Content-Length: " + BAD_GATEWAY_BODY.length() + "\r\nConnection: close\r\n\r\n" + BAD_GATEWAY_BODY)
      .getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket listener;
  private final InetSocketAddress upstream;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fault-proxy");
    t.setDaemon(true);
    return t;
  });
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger faultsApplied = new AtomicInteger();
  private volatile Duration hold = Duration.ofSeconds(2);

  FaultProxy(int upstreamPort) {
    this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
    try {
      listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads.execute(this::accept);
  }

  /** The base URL to give a client: the proxy's port with the server's base path. */
  String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort() + Options.DEFAULT_BASE_PATH;
  }

  /** Queues faults for the next answers, in order. */
  synchronized FaultProxy next(Fault... next) {
    faults.addAll(List.of(next));
    return this;
  }

  /** How long {@link Fault#HOLD} keeps a connection silent. */
  FaultProxy holdFor(Duration hold) {
    this.hold = hold;
    return this;
  }

  /** How many answers were lost or replaced so far. */
  int faultsApplied() {
    return faultsApplied.get();
  }

  private synchronized Fault take() {
    return faults.poll();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.connect(upstream, 5_000);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        open.add(client);
        open.add(server);
        threads.execute(() -> pump(client, server, false));
        threads.execute(() -> pump(server, client, true));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void pump(Socket from, Socket to, boolean answers) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      for (int n; (n = in.read(buffer)) >= 0; ) {
        Fault fault = answers ? take() : null;
        if (fault != null) {
          faultsApplied.incrementAndGet();
          apply(fault, to);
          closeQuietly(from);
          return;
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // the other side closed
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  /** Does {@code fault} to the client's connection {@code client}, the server's answer in hand. */
  private void apply(Fault fault, Socket client) throws IOException {
    switch (fault) {
      case DROP -> {
        client.setSoLinger(true, 0); // a reset, as a crashed middlebox would send
        client.close();
      }
      case HOLD -> {
        try {
          Thread.sleep(hold.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        client.close();
      }
      case BAD_GATEWAY -> {
        client.getOutputStream().write(BAD_GATEWAY_ANSWER);
        client.getOutputStream().flush();
        client.close();
      }
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing
    }
  }

  @Override
  public void close() {
    closeQuietly(listener);
    open.forEach(FaultProxy::closeQuietly);
    threads.shutdownNow();
  }

  private static void closeQuietly(ServerSocket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing
    }
  }
}
