package io.ltvcascade.worker.train;

import io.ltvcascade.model.ccor.ModelConfig;
import io.ltvcascade.model.ccor.TrainingConfig;
import io.ltvcascade.model.data.Split;
import io.ltvcascade.model.data.Table;
import java.util.HashSet;
import java.util.List;

/** What a queued job asks for, as the api wrote it into training_jobs.config: model config, split, seed. */
public record JobSpec(ModelConfig model, SplitSpec split, Long seed) {

    /** A fold-column split, or random shares when no fold column is named. */
    public record SplitSpec(String foldColumn, List<Integer> trainFolds, List<Integer> validationFolds,
            List<Integer> testFolds, Double trainShare, Double validationShare) {}

    /** The model config with the job's seed, when it has one. */
    public ModelConfig modelWithSeed() {
        if (seed == null) {
            return model;
        }
        TrainingConfig t = model.training();
        return new ModelConfig(model.modelType(), model.encoderWidths(), model.dropout(), model.features(), model.ccor(),
                new TrainingConfig(t.epochs(), t.batchSize(), t.learningRate(), t.weightDecay(), t.gradientClip(),
                        t.patience(), seed, t.device()));
    }

    public Split apply(Table table) {
        if (split.foldColumn() == null) {
            return Split.byRatio(table, split.trainShare(), split.validationShare(), modelWithSeed().training().seed());
        }
        return Split.byFold(table, split.foldColumn(), new HashSet<>(split.trainFolds()),
                new HashSet<>(split.validationFolds()), new HashSet<>(split.testFolds()));
    }
}
