package io.ltvcascade.api.dataset;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings for dataset uploads ({@code ltv.datasets.*}). */
@ConfigMapping(prefix = "ltv.datasets")
public interface DatasetConfig {

    /** Largest accepted CSV, counted after gzip decompression (1 GiB by default); larger uploads get 413. */
    @WithDefault("1073741824")
    long maxUploadBytes();

    /** Rows per stored block. */
    @WithDefault("8192")
    int blockRows();

    /** A text column with more distinct values than this is inferred as ignored rather than categorical. */
    @WithDefault("1000")
    int maxCategories();
}
