package io.ltvcascade.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A child that exits on its own is started again; once closed it stays stopped; its native settings. */
class ChildProcessTest {

    @Test
    void shouldGiveAChildOneMallocHeapAndKeepTheNativeSettingsItInherits() {
        Map<String, String> environment = new HashMap<>(Map.of("MALLOC_ARENA_MAX", "2", "OMP_NUM_THREADS", "4"));
        ChildProcess.nativeSettings(environment);
        assertEquals("1", environment.get("MALLOC_ARENA_MAX"));
        assertEquals("4", environment.get("OMP_NUM_THREADS"));
        assertEquals("268435456", environment.get("MALLOC_TRIM_THRESHOLD_"));
    }

    @Test
    @Timeout(60)
    void shouldStartAChildThatExitedAgainUntilClosed(@TempDir Path dir) throws Exception {
        Path starts = dir.resolve("starts");
        ProcessBuilder crashing = new ProcessBuilder("sh", "-c", "echo started >> '" + starts + "'; exit 3");
        ChildProcess child = ChildProcess.start("crashing-child", crashing, Duration.ofMillis(20));
        while (lines(starts) < 3) {
            Thread.sleep(10);
        }
        child.close();
        Thread.sleep(500); // longer than the waits between its last starts (20, 40, 80 ms ...)
        long afterClose = lines(starts);
        Thread.sleep(1000);
        assertEquals(afterClose, lines(starts), "no start after close");
    }

    @Test
    @Timeout(60)
    void shouldStopARunningChildOnClose(@TempDir Path dir) throws Exception {
        Path starts = dir.resolve("starts");
        ChildProcess child = ChildProcess.start("sleeping-child",
                new ProcessBuilder("sh", "-c", "echo started >> '" + starts + "'; exec sleep 600"), Duration.ofMillis(20));
        while (lines(starts) < 1) {
            Thread.sleep(10);
        }
        child.close();
        Thread.sleep(500);
        assertEquals(1, lines(starts));
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").contains("sleep 600")),
                "the child is gone");
    }

    private static long lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }
}
