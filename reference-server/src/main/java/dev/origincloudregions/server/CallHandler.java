package dev.origincloudregions.server;

/**
 * The API as one function, free of any HTTP library: a {@link Call} in, a {@link Reply} out; never
 * throws for any input. {@link Dispatcher} is the one implementation the server ships;
 * {@link ServerParts#around} may put a wrapper around it.
 */
@FunctionalInterface
interface CallHandler {
  Reply handle(Call call);
}
