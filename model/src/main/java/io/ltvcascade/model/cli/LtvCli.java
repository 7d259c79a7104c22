package io.ltvcascade.model.cli;

import io.ltvcascade.model.ccor.ArtifactException;
import io.ltvcascade.model.data.DataValidationException;
import java.util.Arrays;

/** The offline path: train a model on a CSV, evaluate it, score a CSV, regenerate the quality report or benchmarks. */
public final class LtvCli {

    static final String USAGE = """
            usage: java -jar model/target/ltv-model-cli.jar <command> [--option value ...]
              (set OMP_NUM_THREADS=1: single-threaded OpenMP, as the reports were made)
              train    --data F.csv --id COL --label COL [--ignore a,b,label_*] --out model.ltv
                       [--fold-column fold --train-folds 0,1,2 --validation-folds 3 --test-folds 4 | --split 0.6,0.2]
                       [--config config.json] [--seed N] [--report report.json]
              evaluate --model model.ltv --data F.csv --id COL --label COL [--ignore ...]
                       [--fold-column fold --folds 4] [--report report.json]
              predict  --model model.ltv --data F.csv --id COL --out predictions.csv
              quality-report [--data-dir ../shared/data] [--out docs/model-quality.md] [--seeds 1,2,3] [--epochs 20]
              benchmark [--rows 10000,100000,1000000] [--out docs/benchmarks-model.md]
              scoring-benchmark --model model.ltv --data F.csv --id COL [--repeat 3]
            """;

    private LtvCli() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command; returns the process exit code (0 ok, 1 failed, 2 usage). */
    public static int run(String[] args) {
        if (args.length == 0) {
            System.err.print(USAGE);
            return 2;
        }
        try {
            Args options = new Args(args, 1);
            switch (args[0]) {
                case "train" -> TrainCommand.run(options);
                case "evaluate" -> EvaluateCommand.run(options);
                case "predict" -> PredictCommand.run(options);
                case "quality-report" -> QualityReportCommand.run(options);
                case "benchmark" -> BenchmarkCommand.run(options);
                case "scoring-benchmark" -> ScoringBenchmarkCommand.run(options);
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
            }
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            return 2;
        } catch (DataValidationException e) {
            System.err.printf("error: invalid data%s%s: %s%n", e.line() == null ? "" : " at line " + e.line(),
                    e.column() == null ? "" : ", column '" + e.column() + "'", e.getMessage());
            return 1;
        } catch (ArtifactException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            System.err.println("error: " + e + " (args " + Arrays.toString(args) + ")");
            e.printStackTrace();
            return 1;
        }
    }
}
