package io.ltvcascade.model.scoring;

import io.ltvcascade.model.ccor.LtvModel;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.features.EncodedFeatures;

/**
 * One chunk of a batch scoring job, ready for the forward pass: rows {@code from} (inclusive) to {@code to}
 * (exclusive) of the dataset, their ids and their encoded features. Chunks are {@link PredictionBlocks#CHUNK_ROWS}
 * long (the last one shorter); the worker and the CLI's scoring benchmark cut them here alike.
 */
public record ScoringChunk(int from, int to, String[] ids, EncodedFeatures features) {

    /** Where the chunk that starts at row {@code from} of a dataset of {@code rows} rows ends (exclusive). */
    public static int end(int from, int rows) {
        return Math.min(rows, from + PredictionBlocks.CHUNK_ROWS);
    }

    /** The chunk of {@code rows} (a whole dataset in memory) that starts at row {@code from}. */
    public static ScoringChunk of(LtvModel model, Table rows, int from) {
        return encode(model, rows.range(from, end(from, rows.rows())), from);
    }

    /** The chunk made of {@code part}: the dataset's rows from row {@code from} on, as read for this chunk. */
    public static ScoringChunk encode(LtvModel model, Table part, int from) {
        return new ScoringChunk(from, from + part.rows(), part.ids(), model.features().encode(part));
    }

    /** The chunk's customers scored by {@code model}, as a stored result block ({@link PredictionBlocks}). */
    public byte[] scoreToBlock(LtvModel model) {
        return PredictionBlocks.encode(ids, model.predict(features), model.scheme().buckets());
    }
}
