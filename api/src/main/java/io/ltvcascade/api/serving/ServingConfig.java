package io.ltvcascade.api.serving;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings for online scoring and the model cache ({@code ltv.serving.*}). */
@ConfigMapping(prefix = "ltv.serving")
public interface ServingConfig {

    /** Most customers one predict request may carry; more gets 413. */
    @WithDefault("10000")
    int maxCustomers();

    /** Largest predict request body in bytes (16 MiB by default); larger gets 413. */
    @WithDefault("16777216")
    int maxBodyBytes();

    /** Most model versions held loaded at once; the least recently used one is closed first. */
    @WithDefault("16")
    int cacheMaxModels();

    /** Most artifact bytes held loaded at once (512 MiB by default); least recently used versions go first. */
    @WithDefault("536870912")
    long cacheMaxBytes();

    /**
     * Forward passes that may run at once per loaded version (0 = one per two CPU cores, at least one); requests that
     * wait for a free one are scored together in the next pass, so that many connections cannot oversubscribe the
     * cores. Half the cores leaves the rest to HTTP and JSON: on 2 cores one lane served twice the single-customer
     * requests per second of two lanes (docs/benchmarks.md).
     */
    @WithDefault("0")
    int concurrentForwards();

    /**
     * Remember what aliases and version numbers resolve to, dropped on PostgreSQL notifications from every writer
     * (a change then reaches every replica within the notification's delivery, typically a millisecond); false:
     * one query per request.
     */
    @WithDefault("true")
    boolean targetCache();

    /** Most rows in one coalesced forward pass (a single larger request still runs whole). */
    @WithDefault("2048")
    int maxBatchRows();

    /**
     * Microseconds a forward pass waits at most for more requests to join it, only while requests arrive concurrently
     * (the previous pass served several), and no longer than until as many wait as the previous pass served; a lone
     * client never waits. Fewer, fuller passes leave more CPU to HTTP: on 2 cores, 500 µs took 64 connections from
     * 0.59× to 0.67× of /q/health (docs/benchmarks.md). 0 = never wait.
     */
    @WithDefault("500")
    int batchGatherMicros();

    /**
     * A forward pass of at least twice this many rows is split into parts scored on several cores at once (one part
     * per core, each at least this many rows), so that a large request alone on the server is not scored on one
     * core while the others idle. 0 = never split.
     */
    @WithDefault("256")
    int splitMinRows();
}
