package dev.origincloudregions.sdk;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an answer's body whole, as {@code BodyHandlers.ofByteArray()} does, but at most {@code max}
 * bytes: a longer body (announced by {@code Content-Length}, or found while reading) fails the request
 * with an {@link IOException} naming the limit, and the connection is dropped instead of read to its
 * end. A server, or something between it and the client, cannot make the client buffer without bound.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
  private final int max;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final List<ByteBuffer> received = new ArrayList<>();
  private Flow.@org.jspecify.annotations.Nullable Subscription subscription;
  private long size;

  private CappedBody(int max) {
    this.max = max;
  }

  static HttpResponse.BodyHandler<byte[]> handler(int max) {
    return info -> {
      CappedBody body = new CappedBody(max);
      if (info.headers().firstValueAsLong("Content-Length").orElse(-1) > max) {
        body.result.completeExceptionally(new TooLarge(max)); // refused before reading a byte
      }
      return body;
    };
  }

  /** The answer's body is over the limit; not retried: the server would send it again. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(int max) {
      super("the response body is larger than the client's limit of " + max + " bytes (maxResponseBytes)");
    }

    /** Whether {@code e} or one of its causes is a TooLarge (the JDK client wraps it). */
    static boolean isCauseOf(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof TooLarge) {
          return true;
        }
      }
      return false;
    }
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (result.isDone()) {
      s.cancel();
    } else {
      s.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : buffers) {
      size += b.remaining();
      received.add(b);
    }
    if (size > max) {
      received.clear();
      result.completeExceptionally(new TooLarge(max));
      if (subscription != null) {
        subscription.cancel();
      }
    }
  }

  @Override
  public void onError(Throwable t) {
    received.clear();
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    if (result.isDone()) {
      return;
    }
    byte[] out = new byte[(int) size];
    int at = 0;
    for (ByteBuffer b : received) {
      int n = b.remaining();
      b.get(out, at, n);
      at += n;
    }
    received.clear();
    result.complete(out);
  }
}
