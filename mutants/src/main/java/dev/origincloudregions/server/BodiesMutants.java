package dev.origincloudregions.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Defects in reading request bodies, shared by both families [E4, BD1, BD2, BU1]. */
final class BodiesMutants {
  private BodiesMutants() {}

  /** {@link Mutant#BATCH_LIMIT_OFF_BY_ONE}: the limit is checked with {@code > 101}. */
  static final class BatchLimitOffByOne extends Bodies {
    @Override
    boolean exceedsBatchLimit(int items) {
      return items > MAX_BATCH_ITEMS + 1;
    }
  }

  /** {@link Mutant#NO_BODY_SIZE_LIMIT}: 64 MiB instead of 1 MiB (bounded, so the mutant cannot exhaust memory). */
  static final class NoBodySizeLimit extends Bodies {
    static final int LIMIT = 64 << 20;

    @Override
    int bodyLimit() {
      return LIMIT;
    }
  }

  /** {@link Mutant#SERVER_ERROR_ON_MALFORMED_JSON}: a body that does not parse answers 500. */
  static final class ServerErrorOnMalformedJson extends Bodies {
    @Override
    JsonNode parse(byte[] body, Expected expected) throws Refusal {
      try {
        return super.parse(body, expected);
      } catch (Refusal refusal) {
        if (!new String(body, StandardCharsets.UTF_8).isBlank() && !parses(body)) {
          throw new Refusal(Reply.error(500, 1140, "Internal error."));
        }
        throw refusal;
      }
    }

    private static boolean parses(byte[] body) {
      try {
        Json.READER.readTree(body);
        return true;
      } catch (IOException e) {
        return false;
      }
    }
  }

  /** {@link Mutant#OK_STATUS_WITH_ERROR_ENVELOPE}: a malformed or oversized batch answers 200, error envelope and all. */
  static final class OkStatusWithErrorEnvelope extends Bodies {
    @Override
    Refusal malformed(Expected expected, String message) {
      Refusal refusal = super.malformed(expected, message);
      return expected.batch() ? withOkStatus(refusal) : refusal;
    }

    @Override
    Refusal tooManyItems(int items) {
      return withOkStatus(super.tooManyItems(items));
    }

    private static Refusal withOkStatus(Refusal refusal) {
      Reply r = refusal.reply;
      return new Refusal(new Reply(200, r.body(), r.allow(), r.authenticate(), r.bodyLeftUnread()));
    }
  }
}
