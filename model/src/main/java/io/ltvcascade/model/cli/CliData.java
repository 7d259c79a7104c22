package io.ltvcascade.model.cli;

import io.ltvcascade.model.ccor.ModelJson;
import io.ltvcascade.model.data.Split;
import io.ltvcascade.model.data.Table;
import io.ltvcascade.model.data.UploadSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading tables and splits, and writing JSON, as the commands share them. */
final class CliData {

    private CliData() {}

    static Table table(Args args) {
        UploadSpec spec = UploadSpec.of(args.required("id"), args.required("label")).ignoring(args.list("ignore", ""));
        return Table.readCsv(Path.of(args.required("data")), spec);
    }

    static Split split(Args args, Table table) {
        if (args.has("split")) {
            String[] shares = args.required("split").split(",");
            return Split.byRatio(table, Double.parseDouble(shares[0]), Double.parseDouble(shares[1]),
                    Long.parseLong(args.get("seed", "42")));
        }
        return Split.byFold(table, args.get("fold-column", "fold"), args.ints("train-folds", "0,1,2"),
                args.ints("validation-folds", "3"), args.ints("test-folds", "4"));
    }

    static void writeJson(Path file, Object value) {
        try {
            Files.write(file, ModelJson.MAPPER.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void writeText(Path file, String text) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
