package io.ltvcascade.scheduler;

import io.quarkus.runtime.Quarkus;
import org.jboss.logging.Logger;

/** Shuts the scheduler down cleanly when the process that started it ends, even if that one was killed outright. */
final class ParentWatch {

    private static final Logger LOG = Logger.getLogger(ParentWatch.class);

    private ParentWatch() {}

    static void exitWhenParentEnds(String parentPid) {
        if (parentPid == null || parentPid.isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(parentPid.trim())).map(ProcessHandle::onExit).ifPresentOrElse(
                exit -> exit.thenRun(() -> stop("its parent process " + parentPid + " ended")),
                () -> stop("its parent process " + parentPid + " is already gone"));
    }

    private static void stop(String why) {
        // another scheduler node, if any, takes over the triggers; a missed fire fires once when a node is back
        LOG.warnf("scheduler stops: %s", why);
        Quarkus.asyncExit(0);
    }
}
