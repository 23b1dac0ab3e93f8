/**
 * Java client for Cloudflare's origin cloud regions API: mappings from origin IP addresses to the
 * public-cloud region hosting them. The client speaks the current family, v2 ({@code
 * /zones/{zone_id}/origin/cloud_regions}); the deprecated v1 family is one call away ({@code
 * client.v1()}), with the same records, retries and exceptions.
 *
 * <p>Start with {@link dev.origincloudregions.sdk.OriginCloudRegions#builder()}. Everything in this
 * package is non-null unless marked {@code @Nullable}. The Feign interfaces and Jackson models under
 * {@code dev.origincloudregions.sdk.generated} are generated from the OpenAPI spec at build time and are
 * not part of the public API.
 */
@NullMarked
package dev.origincloudregions.sdk;

import org.jspecify.annotations.NullMarked;
