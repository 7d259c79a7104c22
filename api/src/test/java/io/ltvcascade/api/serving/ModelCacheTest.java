package io.ltvcascade.api.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import io.ltvcascade.api.TrainedArtifacts;
import io.ltvcascade.model.ccor.ModelArtifact;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The serving cache: least recently used versions go first, in-use models outlive eviction, one load per version. */
class ModelCacheTest {

    private final AtomicInteger loads = new AtomicInteger();

    private final Function<Long, LoadedModel> loader = id -> {
        loads.incrementAndGet();
        return new LoadedModel(id, ModelArtifact.read(TrainedArtifacts.artifact(1), Device.cpu()), "customer_id", 100,
                new Batching(2, 2048, 0), new ForwardSplitter(1, 0));
    };

    @Test
    void shouldDropTheLeastRecentlyUsedVersionBeyondTheEntryLimit() {
        ModelCache cache = new ModelCache(2, Long.MAX_VALUE);
        LoadedModel one = use(cache, 1);
        LoadedModel two = use(cache, 2);
        use(cache, 1);
        use(cache, 3);
        assertEquals(List.of(1L, 3L), cache.loadedVersions());
        assertTrue(two.isClosed(), "the evicted, unused version is closed");
        assertFalse(one.isClosed());
        assertEquals(3, loads.get());
    }

    @Test
    void shouldDropVersionsBeyondTheByteLimitButCloseOnlyWhenTheLastUserReleases() {
        ModelCache cache = new ModelCache(10, 250);
        LoadedModel first = cache.acquire(1L, loader);
        use(cache, 2);
        use(cache, 3);
        assertEquals(List.of(2L, 3L), cache.loadedVersions());
        assertFalse(first.isClosed(), "a request still scores with it");
        first.release();
        assertTrue(first.isClosed());
        assertSame(cache.acquire(3L, loader), cache.acquire(3L, loader));
    }

    @Test
    void shouldLoadOnceForConcurrentFirstRequests() throws Exception {
        ModelCache cache = new ModelCache(4, Long.MAX_VALUE);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<LoadedModel>> requests = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                requests.add(pool.submit(() -> {
                    start.await();
                    return cache.acquire(7L, loader);
                }));
            }
            start.countDown();
            LoadedModel first = requests.get(0).get();
            for (Future<LoadedModel> r : requests) {
                assertSame(first, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, loads.get());
    }

    @Test
    void shouldNotKeepAFailedLoad() {
        ModelCache cache = new ModelCache(4, Long.MAX_VALUE);
        assertThrows(IllegalStateException.class, () -> cache.acquire(5L, id -> {
            throw new IllegalStateException("artifact unreadable");
        }));
        assertEquals(List.of(), cache.loadedVersions());
        use(cache, 5);
        assertEquals(List.of(5L), cache.loadedVersions());
    }

    private LoadedModel use(ModelCache cache, long versionId) {
        LoadedModel model = cache.acquire(versionId, loader);
        model.release();
        return model;
    }
}
