package io.ltvcascade.model.cli;

import io.ltvcascade.model.ccor.Evaluation;
import io.ltvcascade.model.ccor.ModelArtifact;
import io.ltvcascade.model.ccor.ModelConfig;
import io.ltvcascade.model.ccor.ModelJson;
import io.ltvcascade.model.ccor.ModelTrainer;
import io.ltvcascade.model.ccor.TrainingConfig;
import io.ltvcascade.model.ccor.TrainingResult;
import io.ltvcascade.model.data.Split;
import io.ltvcascade.model.metrics.QualityReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code train}: fit on the training part, early-stop on validation, report on the test part, save the artifact. */
final class TrainCommand {

    private TrainCommand() {}

    static void run(Args args) {
        ModelConfig config = config(args);
        Split split = CliData.split(args, CliData.table(args));
        System.out.printf("training %s on %d rows (validation %d, test %d)%n", config.modelType(),
                split.train().rows(), split.validation().rows(), split.test().rows());
        try (TrainingResult result = new ModelTrainer(config, r -> System.out.printf(
                "epoch %d/%d  loss %.4f %s  validation gini %.4f%s  %.0f samples/s%n", r.epoch(), r.maxEpochs(),
                r.losses().get("total"), r.losses(), r.validationGini(), r.improved() ? " *" : "", r.samplesPerSecond()),
                () -> false).train(split.train(), split.validation())) {
            Path out = Path.of(args.required("out"));
            Files.write(out, ModelArtifact.write(result.model()));
            QualityReport report = Evaluation.evaluate(result.model(), split.test());
            System.out.printf("best epoch %d on %s in %.1f s; test normalised gini %.4f; model written to %s%n",
                    result.bestEpoch(), result.device(), result.seconds(), report.normalizedGini(), out);
            if (args.has("report")) {
                CliData.writeJson(Path.of(args.required("report")), report);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ModelConfig config(Args args) {
        ModelConfig config = ModelConfig.defaults();
        if (args.has("config")) {
            try {
                config = ModelJson.MAPPER.readValue(CliData.read(Path.of(args.required("config"))), ModelConfig.class);
            } catch (IOException e) {
                throw new IllegalArgumentException("config " + args.required("config") + " is invalid: " + e.getMessage());
            }
        }
        if (args.has("seed")) {
            TrainingConfig t = config.training();
            config = new ModelConfig(config.modelType(), config.encoderWidths(), config.dropout(), config.features(),
                    config.ccor(), new TrainingConfig(t.epochs(), t.batchSize(), t.learningRate(), t.weightDecay(),
                    t.gradientClip(), t.patience(), Long.parseLong(args.required("seed")), t.device()));
        }
        return config;
    }
}
