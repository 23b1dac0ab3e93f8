package dev.origincloudregions.server;

import java.time.Clock;
import java.util.List;
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

  /**
   * The parts of several mutants in one server: each part from the one mutant that replaces it, the wrappers
   * around the API one inside the other. Two mutants that replace the same part are refused.
   */
  static ServerParts together(List<ServerParts> mutants) {
    return new ServerParts() {
      @Override
      Authenticator authenticator(String token) {
        return one(mutants, parts -> parts.authenticator(token));
      }

      @Override
      Bodies bodies() {
        return one(mutants, ServerParts::bodies);
      }

      @Override
      Store store(Catalogue catalogue, Clock clock) {
        return one(mutants, parts -> parts.store(catalogue, clock));
      }

      @Override
      V1Operations v1(Store store, Bodies bodies) {
        return one(mutants, parts -> parts.v1(store, bodies));
      }

      @Override
      V2Operations v2(Store store, Bodies bodies) {
        return one(mutants, parts -> parts.v2(store, bodies));
      }

      @Override
      CallHandler around(CallHandler api, Router router) {
        CallHandler wrapped = api;
        for (ServerParts parts : mutants) {
          wrapped = parts.around(wrapped, router);
        }
        return wrapped;
      }
    };
  }

  /** The part that one of {@code mutants} makes other than the shipped server does, or the shipped one. */
  private static <T> T one(List<ServerParts> mutants, Function<ServerParts, T> make) {
    T shipped = make.apply(new ServerParts());
    T chosen = null;
    for (ServerParts parts : mutants) {
      T part = make.apply(parts);
      if (part.getClass() != shipped.getClass()) {
        if (chosen != null) {
          throw new IllegalArgumentException("two mutants replace the same part, " + shipped.getClass().getSimpleName()
              + ": " + chosen.getClass().getSimpleName() + " and " + part.getClass().getSimpleName());
        }
        chosen = part;
      }
    }
    return chosen != null ? chosen : shipped;
  }
}
