package io.ltvcascade.api.serving;

import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Model versions loaded on first use and kept while they are recently used: at most {@code cache-max-models}
 * versions and {@code cache-max-bytes} of artifacts, least recently used dropped first. Concurrent first requests
 * for one version wait for a single load. Keys are version ids, which never change meaning, so nothing needs
 * invalidating when an alias moves.
 */
@ApplicationScoped
public class ModelCache {

    private final int maxModels;
    private final long maxBytes;
    // access order: iteration starts at the least recently used version
    private final LinkedHashMap<Long, CompletableFuture<LoadedModel>> entries = new LinkedHashMap<>(16, 0.75f, true);

    @Inject
    public ModelCache(ServingConfig config) {
        this(config.cacheMaxModels(), config.cacheMaxBytes());
    }

    ModelCache(int maxModels, long maxBytes) {
        this.maxModels = maxModels;
        this.maxBytes = maxBytes;
    }

    /** The loaded version, retained for the caller, who must {@link LoadedModel#release()} it. */
    LoadedModel acquire(long versionId, Function<Long, LoadedModel> loader) {
        while (true) {
            LoadedModel model = await(versionId, loader);
            if (model.retain()) {
                return model;
            }
        }
    }

    private LoadedModel await(long versionId, Function<Long, LoadedModel> loader) {
        CompletableFuture<LoadedModel> future;
        boolean mine = false;
        synchronized (this) {
            future = entries.get(versionId);
            if (future == null) {
                future = new CompletableFuture<>();
                entries.put(versionId, future);
                mine = true;
            }
        }
        if (mine) {
            load(versionId, loader, future);
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void load(long versionId, Function<Long, LoadedModel> loader, CompletableFuture<LoadedModel> future) {
        try {
            LoadedModel model = loader.apply(versionId);
            future.complete(model);
            evictBeyondLimits(versionId);
        } catch (RuntimeException e) {
            synchronized (this) {
                entries.remove(versionId, future);
            }
            future.completeExceptionally(e);
        }
    }

    private void evictBeyondLimits(long keep) {
        List<LoadedModel> dropped = new ArrayList<>();
        synchronized (this) {
            Iterator<Map.Entry<Long, CompletableFuture<LoadedModel>>> eldestFirst = entries.entrySet().iterator();
            while (eldestFirst.hasNext() && (entries.size() > maxModels || loadedBytes() > maxBytes)) {
                Map.Entry<Long, CompletableFuture<LoadedModel>> e = eldestFirst.next();
                if (e.getKey() != keep && e.getValue().isDone() && !e.getValue().isCompletedExceptionally()) {
                    dropped.add(e.getValue().join());
                    eldestFirst.remove();
                }
            }
        }
        dropped.forEach(m -> {
            Log.infof("model cache: dropped version %d (least recently used)", m.versionId());
            m.drop();
        });
    }

    private long loadedBytes() {
        return entries.values().stream().filter(f -> f.isDone() && !f.isCompletedExceptionally())
                .mapToLong(f -> f.join().weight()).sum();
    }

    /** Version ids held, least recently used first. */
    synchronized List<Long> loadedVersions() {
        return List.copyOf(entries.keySet());
    }

    @PreDestroy
    synchronized void closeAll() {
        entries.values().stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).forEach(f -> f.join().drop());
        entries.clear();
    }
}
