package io.ltvcascade.model.data;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the real datasets in ../shared/data beside the project root; fails loudly when they are missing. */
public final class SharedData {

    private SharedData() {}

    public static Path file(String relative) {
        Path root = Path.of(System.getProperty("ltv.project.root", "..")).toAbsolutePath();
        Path file = root.resolve("../shared/data").resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            fail("test data " + file + " is missing: the tests need ../shared/data beside the project checkout");
        }
        return file;
    }
}
