package io.ltvcascade.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's heap goes on transparent huge pages only where the kernel's setting offers them. */
class TransparentHugePagesTest {

    @Test
    void shouldAskForHugePagesWhenTheKernelOffersThemOnRequestOrAlways(@TempDir Path dir) throws Exception {
        assertEquals(List.of("-XX:+UseTransparentHugePages"),
                TransparentHugePages.jvmOptions(Files.writeString(dir.resolve("madvise"), "always [madvise] never\n")));
        assertEquals(List.of("-XX:+UseTransparentHugePages"),
                TransparentHugePages.jvmOptions(Files.writeString(dir.resolve("always"), "[always] madvise never\n")));
    }

    @Test
    void shouldAskForNothingWhenTheKernelRefusesThemOrHasNoSetting(@TempDir Path dir) throws Exception {
        assertEquals(List.of(),
                TransparentHugePages.jvmOptions(Files.writeString(dir.resolve("never"), "always madvise [never]\n")));
        assertEquals(List.of(), TransparentHugePages.jvmOptions(dir.resolve("missing")));
    }
}
