package io.ltvcascade.model.scoring;

import io.ltvcascade.model.ccor.LtvModel;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.features.EncodedFeatures;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One chunk of a batch scoring job, ready for the forward pass: rows {@code from} (inclusive) to {@code to}
 * (exclusive) of the dataset, their ids and their encoded features. Chunks are {@link PredictionBlocks#CHUNK_ROWS}
 * long (the last one shorter); the worker and the CLI's scoring benchmark cut them here alike.
 */
public record ScoringChunk(int from, int to, String[] ids, EncodedFeatures features) {

    /** The chunk of {@code rows} that starts at row {@code from}. */
    public static ScoringChunk of(LtvModel model, Table rows, int from) {
        int to = Math.min(rows.rows(), from + PredictionBlocks.CHUNK_ROWS);
        Table part = rows.select(IntStream.range(from, to).toArray());
        return new ScoringChunk(from, to, part.ids(), model.features().encode(part));
    }

    /** The chunk's customers scored by {@code model}. */
    public List<ScoredCustomer> score(LtvModel model) {
        return ScoredCustomer.of(ids, model.predict(features));
    }
}
