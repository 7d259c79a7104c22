package io.ltvcascade.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JVM option that puts a child's Java heap on transparent huge pages, where the Linux kernel lets a process ask
 * for them ({@code always} or {@code madvise} chosen in its setting). A worker's scoring job then took about 15% less
 * CPU and a few hundred page faults instead of tens of thousands (docs/benchmarks.md). The option exists only in Linux
 * JVMs and does nothing under {@code never}, so elsewhere there is none.
 */
final class TransparentHugePages {

    static final Path KERNEL_SETTING = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    private TransparentHugePages() {
    }

    /**
     * {@code -XX:+UseTransparentHugePages} when {@code setting} (the kernel's file, e.g. "always [madvise] never")
     * offers them; none otherwise.
     */
    static List<String> jvmOptions(Path setting) {
        try {
            String chosen = Files.readString(setting);
            return chosen.contains("[always]") || chosen.contains("[madvise]")
                    ? List.of("-XX:+UseTransparentHugePages") : List.of();
        } catch (IOException e) {
            return List.of(); // not Linux, or a kernel without them
        }
    }
}
