package io.ltvcascade.api.serving;

/**
 * How a loaded model runs forward passes for concurrent requests ({@link BatchingScorer}).
 *
 * @param lanes forward passes at once
 * @param maxRows most rows in one coalesced pass
 * @param gatherNanos how long a pass waits for more requests when the previous pass served several (0 = never)
 */
record Batching(int lanes, int maxRows, long gatherNanos) {

    static Batching of(ServingConfig config) {
        int lanes = config.concurrentForwards() > 0 ? config.concurrentForwards()
                : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        return new Batching(lanes, config.maxBatchRows(), config.batchGatherMicros() * 1_000L);
    }
}
