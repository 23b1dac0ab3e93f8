package dev.origincloudregions.server;

import java.time.Clock;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Server parts with one part replaced: the one way a {@link Mutant} reaches the reference server, through its
 * {@link ServerParts} seam. Every other part is the shipped one.
 */
final class Plant {
  private Plant() {}

  static ServerParts authenticator(Function<String, Authenticator> make) {
    return new ServerParts() {
      @Override
      Authenticator authenticator(String token) {
        return make.apply(token);
      }
    };
  }

  static ServerParts bodies(Supplier<Bodies> make) {
    return new ServerParts() {
      @Override
      Bodies bodies() {
        return make.get();
      }
    };
  }

  static ServerParts store(BiFunction<Catalogue, Clock, Store> make) {
    return new ServerParts() {
      @Override
      Store store(Catalogue catalogue, Clock clock) {
        return make.apply(catalogue, clock);
      }
    };
  }

  static ServerParts v1(BiFunction<Store, Bodies, V1Operations> make) {
    return new ServerParts() {
      @Override
      V1Operations v1(Store store, Bodies bodies) {
        return make.apply(store, bodies);
      }
    };
  }

  static ServerParts v2(BiFunction<Store, Bodies, V2Operations> make) {
    return new ServerParts() {
      @Override
      V2Operations v2(Store store, Bodies bodies) {
        return make.apply(store, bodies);
      }
    };
  }

  static ServerParts around(BiFunction<CallHandler, Router, CallHandler> wrap) {
    return new ServerParts() {
      @Override
      CallHandler around(CallHandler api, Router router) {
        return wrap.apply(api, router);
      }
    };
  }
}
