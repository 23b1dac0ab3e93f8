package dev.origincloudregions.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Defects planted around the whole API ({@link ServerParts#around}): each rewrites the calls of some operations
 * before the server sees them, or the answers after it wrote them. The server's own parts stay correct.
 */
final class AnswerRewrites {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AnswerRewrites() {}

  /** Which answers a rewrite edits: {@code target} is the call's route, null when it names none. */
  @FunctionalInterface
  private interface Picks {
    boolean test(Router.Target target, Call call, Reply reply);
  }

  /** {@code api}, with the JSON body of the answers that {@code picks} picks changed by {@code edit}. */
  private static CallHandler editing(CallHandler api, Router router, Picks picks, Consumer<ObjectNode> edit) {
    return call -> {
      Reply reply = api.handle(call);
      if (!picks.test(router.route(call.path()), call, reply)) {
        return reply;
      }
      try {
        ObjectNode body = (ObjectNode) JSON.readTree(reply.body());
        edit.accept(body);
        return new Reply(reply.status(), JSON.writeValueAsBytes(body), reply.allow(), reply.authenticate(),
            reply.bodyLeftUnread());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** A 200 of the {@code family}'s paths. */
  private static Picks successOf(Router.Family family) {
    return (target, call, reply) -> reply.status() == 200 && target != null && target.family() == family;
  }

  /** A 200 of operation {@code op}. */
  private static Picks successOf(Router.Op op) {
    return (target, call, reply) -> reply.status() == 200 && target != null && target.methods().get(call.method()) == op;
  }

  /** Renames every object key {@code from} to {@code to}, at any depth, keeping the keys' order. */
  private static void renameKeys(JsonNode node, String from, String to) {
    if (node instanceof ObjectNode object) {
      if (object.has(from)) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        object.fields().forEachRemaining(fields::add);
        object.removeAll();
        fields.forEach(field -> object.set(field.getKey().equals(from) ? to : field.getKey(), field.getValue()));
      }
      object.elements().forEachRemaining(child -> renameKeys(child, from, to));
    } else if (node instanceof ArrayNode array) {
      array.elements().forEachRemaining(child -> renameKeys(child, from, to));
    }
  }

  /** {@link Mutant#UNDERSCORE_ORIGIN_IP_KEY}: v1 answers say {@code origin_ip}. */
  static CallHandler underscoreOriginIpKey(CallHandler api, Router router) {
    return editing(api, router, successOf(Router.Family.V1),
        body -> renameKeys(body.get("result"), "origin-ip", "origin_ip"));
  }

  /** {@link Mutant#V2_HYPHEN_ORIGIN_IP_KEY}: v2 answers say {@code origin-ip}. */
  static CallHandler hyphenOriginIpKey(CallHandler api, Router router) {
    return editing(api, router, successOf(Router.Family.V2),
        body -> renameKeys(body.get("result"), "origin_ip", "origin-ip"));
  }

  /**
   * {@link Mutant#V2_V1_ENVELOPE}: a v2 result (supported_regions aside, which both families share) is wrapped
   * as v1's setting: {@code {"id", "editable": true, "modified_on": <latest in the result, or null>, "value"}}.
   */
  static CallHandler v1EnvelopeOnV2(CallHandler api, Router router) {
    Picks v2 = successOf(Router.Family.V2);
    Picks supportedRegions = successOf(Router.Op.SUPPORTED_REGIONS);
    return editing(api, router, (target, call, reply) -> v2.test(target, call, reply)
        && !supportedRegions.test(target, call, reply), body -> {
          JsonNode result = body.get("result");
          ObjectNode setting = JSON.createObjectNode();
          setting.put("id", V1Operations.SETTING_ID);
          setting.put("editable", true);
          setting.put("modified_on", latestModifiedOn(result));
          setting.set("value", result);
          body.set("result", setting);
        });
  }

  private static String latestModifiedOn(JsonNode result) {
    String latest = null;
    for (JsonNode time : result.findValues("modified_on")) {
      // RFC 3339 UTC with a fixed width sorts as text.
      if (time.isTextual() && (latest == null || time.textValue().compareTo(latest) > 0)) {
        latest = time.textValue();
      }
    }
    return latest;
  }

  /** {@link Mutant#V2_BATCH_DELETE_BARE_SUCCEEDED}: v2 batch delete's succeeded items lose vendor and region. */
  static CallHandler bareSucceededItems(CallHandler api, Router router) {
    return editing(api, router, successOf(Router.Op.V2_BATCH_DELETE), body -> body.get("result").get("succeeded")
        .forEach(item -> ((ObjectNode) item).remove(List.of("vendor", "region"))));
  }

  /**
   * {@link Mutant#V2_SUPPORTED_REGIONS_PARTIAL}: v2's supported_regions drops the last vendor of the catalogue that
   * both families share, so that v2 lists less than v1 (S1: "as in v1"); every pair it still lists stays usable.
   */
  static CallHandler v2SupportedRegionsPartial(CallHandler api, Router router) {
    Picks supportedRegions = successOf(Router.Op.SUPPORTED_REGIONS);
    return editing(api, router, (target, call, reply) -> supportedRegions.test(target, call, reply)
        && target.family() == Router.Family.V2, body -> {
          ObjectNode vendors = (ObjectNode) body.get("result").get("vendors");
          List<String> names = new ArrayList<>();
          vendors.fieldNames().forEachRemaining(names::add);
          if (names.size() > 1) {
            vendors.remove(names.get(names.size() - 1));
          }
        });
  }

  /** {@link Mutant#TOKEN_ECHOED_IN_ERROR}: an error's message ends with the credential the request presented. */
  static CallHandler tokenEchoedInError(CallHandler api, Router router) {
    return call -> {
      String presented = call.header("Authorization") != null ? call.header("Authorization") : call.header("X-Auth-Key");
      return editing(api, router, (target, c, reply) -> reply.status() >= 400 && presented != null, body -> {
        ObjectNode error = (ObjectNode) body.get("errors").get(0);
        error.put("message", error.get("message").textValue() + " (credential: " + presented + ")");
      }).handle(call);
    };
  }

  /**
   * {@link Mutant#V2_PER_PAGE_CLAMPED}: a v2 list's {@code per_page} that is a decimal integer out of range is
   * read as the nearest allowed value, 1 or 100, before the server sees it.
   */
  static CallHandler perPageClamped(CallHandler api, Router router) {
    return call -> {
      Router.Target target = router.route(call.path());
      if (call.query() == null || target == null || target.methods().get(call.method()) != Router.Op.V2_LIST) {
        return api.handle(call);
      }
      List<String> parameters = new ArrayList<>();
      for (String parameter : call.query().split("&", -1)) {
        parameters.add(parameter.matches("per_page=-?[0-9]+") ? "per_page=" + clamp(parameter.substring(9)) : parameter);
      }
      return api.handle(new QueryReplaced(call, String.join("&", parameters)));
    };
  }

  private static BigInteger clamp(String decimal) {
    BigInteger n = new BigInteger(decimal);
    return n.compareTo(BigInteger.ONE) < 0 ? BigInteger.ONE : n.min(BigInteger.valueOf(Paging.MAX_PER_PAGE));
  }

  /** A call with another query. */
  private record QueryReplaced(Call call, String query) implements Call {
    @Override
    public String method() {
      return call.method();
    }

    @Override
    public String path() {
      return call.path();
    }

    @Override
    public String header(String name) {
      return call.header(name);
    }

    @Override
    public long declaredLength() {
      return call.declaredLength();
    }

    @Override
    public byte[] readBody(int limit) throws IOException {
      return call.readBody(limit);
    }
  }
}
