package dev.origincloudregions.server;

import java.time.Clock;

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
 * (the envelope). {@link ServerParts} makes each of them.
 */
final class Dispatcher implements CallHandler {
  private final Router router;
  private final Authenticator authenticator;
  private final Store store;
  private final V1Operations v1;
  private final V2Operations v2;
  private final byte[] supportedRegions;

  Dispatcher(Router router, String token, Catalogue catalogue, Clock clock, ServerParts parts) {
    this.router = router;
    this.authenticator = parts.authenticator(token);
    this.store = parts.store(catalogue, clock);
    Bodies bodies = parts.bodies();
    this.v1 = parts.v1(store, bodies);
    this.v2 = parts.v2(store, bodies);
    this.supportedRegions = Json.success(catalogue::writeTo);
  }

  /** Answers one request; never throws for any input. */
  @Override
  public Reply handle(Call call) {
    try {
      return dispatch(call);
    } catch (Refusal refusal) {
      return refusal.reply;
    }
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
}
