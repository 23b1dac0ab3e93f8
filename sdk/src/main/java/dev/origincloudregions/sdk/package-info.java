/**
 * Java client for Cloudflare's origin cloud regions API (v1): mappings from origin IP addresses to the
 * public-cloud region hosting them.
 *
 * <p>Start with {@link dev.origincloudregions.sdk.OriginCloudRegions#builder()}. Everything in this
 * package is non-null unless marked {@code @Nullable}. The Feign interfaces and Jackson models under
 * {@code dev.origincloudregions.sdk.generated} are generated from the OpenAPI spec at build time and are
 * not part of the public API.
 */
@NullMarked
package dev.origincloudregions.sdk;

import org.jspecify.annotations.NullMarked;
