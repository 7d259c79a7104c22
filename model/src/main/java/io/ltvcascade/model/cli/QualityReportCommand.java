package io.ltvcascade.model.cli;

import io.ltvcascade.model.ccor.BucketScheme;
import io.ltvcascade.model.ccor.Evaluation;
import io.ltvcascade.model.ccor.ModelTrainer;
import io.ltvcascade.model.ccor.Predictions;
import io.ltvcascade.model.ccor.TrainingResult;
import io.ltvcascade.model.data.Split;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.data.UploadSpec;
import io.ltvcascade.model.metrics.QualityReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code quality-report}: every model variant × dataset × seed, trained on folds 0-2, early-stopped on fold 3,
 * scored on fold 4, written as mean ± std tables to docs/model-quality.md.
 */
final class QualityReportCommand {

    private QualityReportCommand() {}

    static void run(Args args) {
        Path dataDir = Path.of(args.get("data-dir", "../shared/data"));
        Path out = Path.of(args.get("out", "docs/model-quality.md"));
        List<Long> seeds = args.ints("seeds", "1,2,3").stream().map(Integer::longValue).toList();
        int epochs = Integer.parseInt(args.get("epochs", "20"));
        long started = System.nanoTime();
        Map<String, Map<String, List<QualityReport>>> results = new LinkedHashMap<>();
        for (QualityDataset dataset : QualityDataset.all()) {
            results.put(dataset.name(), runDataset(dataDir, dataset, seeds, epochs));
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        String command = String.join(" ", "java -jar model/target/ltv-model-cli.jar quality-report",
                String.join(" ", argsLine(args))).trim();
        CliData.writeText(out, QualityMarkdown.render(results, seeds, epochs, minutes, command));
        System.out.printf("wrote %s in %.1f minutes%n", out, minutes);
    }

    private static Map<String, List<QualityReport>> runDataset(Path dataDir, QualityDataset dataset, List<Long> seeds,
            int epochs) {
        Table table = Table.readCsv(dataDir.resolve(dataset.path()),
                UploadSpec.of("customer_id", "label").ignoring("fold", "label_*"));
        Split split = Split.byFold(table, "fold", Set.of(0, 1, 2), Set.of(3), Set.of(4));
        // bucket metrics of every model are judged on one reference scheme (K = 4 at 50/75%, fitted on training)
        BucketScheme reference = BucketScheme.fit(split.train().labels(), List.of(0.5, 0.75), 0.999, true);
        Map<String, List<QualityReport>> rows = new LinkedHashMap<>();
        rows.put(QualityMarkdown.FLOOR, List.of(floor(split, dataset.floorColumn(), reference)));
        for (QualityVariant variant : QualityVariant.all()) {
            List<QualityReport> reports = new ArrayList<>();
            for (long seed : seeds) {
                try (TrainingResult r = new ModelTrainer(variant.config(seed, epochs), e -> {}, () -> false)
                        .train(split.train(), split.validation())) {
                    QualityReport report = Evaluation.evaluateOn(r.model().predict(split.test()),
                            split.test().labels(), r.model().scheme(), reference);
                    reports.add(report);
                    System.out.printf("%s | %s | seed %d: gini %.4f, top AMBE %.2f, top F1 %.4f (%d epochs, %.0f s)%n",
                            dataset.name(), variant.name(), seed, report.normalizedGini(), report.ambeTopBucket(),
                            report.topBucketF1(), r.history().size(), r.seconds());
                }
            }
            rows.put(variant.name() + (variant.ablation() ? QualityMarkdown.ABLATION_MARK : ""), reports);
        }
        return rows;
    }

    /** Calibration spend (clipped at 0) as the prediction, buckets by the default thresholds fitted on training. */
    private static QualityReport floor(Split split, String column, BucketScheme scheme) {
        double[] spend = Arrays.stream(split.test().numbers(column)).map(v -> Double.isNaN(v) ? 0 : Math.max(v, 0))
                .toArray();
        double[] none = new double[spend.length];
        Arrays.fill(none, Double.NaN);
        Predictions p = new Predictions(spend, scheme.bucketsOf(spend), null, null, none);
        return Evaluation.evaluate(p, split.test().labels(), scheme);
    }

    private static List<String> argsLine(Args args) {
        List<String> parts = new ArrayList<>();
        for (String name : List.of("data-dir", "out", "seeds", "epochs")) {
            if (args.has(name)) {
                parts.add("--" + name + " " + args.get(name, ""));
            }
        }
        return parts;
    }
}
