package dev.origincloudregions.server;

/** One stored mapping: its canonical IP, vendor and region, and the time of its last change [M1, VM1]. */
record Mapping(Ip ip, String vendor, String region, ChangeClock.Timestamp modifiedOn) {}
