package dev.origincloudregions.server;

/**
 * One stored mapping. {@code sequence} orders writes (used only by {@link Defect#LIST_NOT_SORTED}).
 */
record Mapping(Ip ip, String vendor, String region, ChangeClock.Timestamp modifiedOn, long sequence) {}
