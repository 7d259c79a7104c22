package io.ltvcascade.model.cli;

import ai.djl.Device;
import io.ltvcascade.model.ccor.Evaluation;
import io.ltvcascade.model.ccor.LtvModel;
import io.ltvcascade.model.ccor.ModelArtifact;
import io.ltvcascade.model.data.Split;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.metrics.QualityReport;
import java.nio.file.Path;
import java.util.Set;

/** {@code evaluate}: the quality report of a saved model on a labelled CSV (optionally some folds of it). */
final class EvaluateCommand {

    private EvaluateCommand() {}

    static void run(Args args) {
        Table table = CliData.table(args);
        if (args.has("folds")) {
            table = Split.byFold(table, args.get("fold-column", "fold"), Set.of(), Set.of(), args.ints("folds", "")).test();
        }
        try (LtvModel model = ModelArtifact.read(CliData.read(Path.of(args.required("model"))), Device.cpu())) {
            QualityReport report = Evaluation.evaluate(model, table);
            System.out.printf("%d customers: normalised gini %.4f, spearman %.4f, nmae %.4f, top-bucket F1 %.4f%n",
                    report.customers(), report.normalizedGini(), report.spearman(), report.nmae(), report.topBucketF1());
            if (args.has("report")) {
                CliData.writeJson(Path.of(args.required("report")), report);
            }
        }
    }
}
