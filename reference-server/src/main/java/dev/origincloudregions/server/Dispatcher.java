package dev.origincloudregions.server;

import static dev.origincloudregions.server.Defect.TOKEN_ECHOED_IN_ERROR;

import java.time.Clock;
import java.util.Set;

/**
 * The API, free of any HTTP library: a {@link Call} in, a {@link Reply} out.
 *
 * <p>Every request is judged in one fixed order, and the first failing check answers: route (404
 * code 7000), method (405 code 7001, with {@code Allow}), credentials (401/403 code 10000), zone
 * identifier (400 code 7003); then the family's operation reads its body (413 code 1192, 400 code
 * 1190/1191) and applies its own rules. Nothing changes unless every check of the request as a whole
 * passed [E5]. {@code docs/reference-server.md} records each decision that the contract leaves open.
 *
 * <p>The parts: {@link Router} (paths), {@link Authenticator} (credentials), {@link Bodies} (request
 * bodies), {@link Store} (the mappings and their rules, shared by both families [VS1]),
 * {@link V1Operations} and {@link V2Operations} (each family's request bodies and answers), {@link Json}
 * (the envelope).
 */
final class Dispatcher {
  private final Router router;
  private final String token;
  private final Set<Defect> defects;
  private final Authenticator authenticator;
  private final Store store;
  private final V1Operations v1;
  private final V2Operations v2;
  private final byte[] supportedRegions;

  Dispatcher(String basePath, String token, Set<Defect> defects, Catalogue catalogue, Clock clock) {
    this.router = new Router(basePath);
    this.token = token;
    this.defects = defects;
    this.authenticator = new Authenticator(token, defects);
    this.store = new Store(defects, catalogue, clock);
    Bodies bodies = new Bodies(defects);
    this.v1 = new V1Operations(store, bodies, defects);
    this.v2 = new V2Operations(store, bodies);
    this.supportedRegions = Json.success(catalogue::writeTo);
  }

  /** Answers one request; never throws for any input. */
  Reply handle(Call call) {
    Reply reply;
    try {
      reply = dispatch(call);
    } catch (Refusal refusal) {
      reply = refusal.reply;
    }
    if (defects.contains(TOKEN_ECHOED_IN_ERROR) && reply.isError()) {
      String presented = Authenticator.presentedCredential(call);
      if (presented != null) {
        reply = reply.withMessage(reply.errorMessage() + " (credential: " + presented + ")");
      }
    }
    return reply;
  }

  private Reply dispatch(Call call) throws Refusal {
    Router.Target target = router.route(call.path());
    if (target == null) {
      return Reply.error(404, 7000, "No route for that URI");
    }
    Router.Op op = target.methods().get(call.method());
    if (op == null) {
      String allowed = String.join(", ", target.methods().keySet());
      return Reply.error(405, 7001, "Method " + call.method() + " not allowed here; allowed: " + allowed)
          .withAllow(allowed);
    }
    authenticator.authenticate(call);
    if (!Store.isZoneId(target.zoneId())) {
      return Reply.error(400, 7003, "Invalid zone identifier: a zone_id is 32 lowercase hexadecimal characters.");
    }
    Zone zone = store.zone(target.zoneId());
    if (op == Router.Op.SUPPORTED_REGIONS) {
      return Reply.ok(supportedRegions);
    }
    if (target.family() == Router.Family.V2) {
      return v2.answer(op, zone, target.pathIp(), call);
    }
    return v1.answer(op, zone, target.pathIp(), call);
  }

  /** The token, for redacting it from log lines. */
  String token() {
    return token;
  }
}
