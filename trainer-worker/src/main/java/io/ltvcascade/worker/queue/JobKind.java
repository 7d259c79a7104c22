package io.ltvcascade.worker.queue;

/** The kinds of work a worker claims, each queued in its own table with the same queue columns. */
public enum JobKind {
    TRAINING("training_jobs", "training job"),
    SCORING("scoring_jobs", "scoring job");

    private final String table;
    private final String label;

    JobKind(String table, String label) {
        this.table = table;
        this.label = label;
    }

    String table() {
        return table;
    }

    /** How logs name a job of this kind. */
    public String label() {
        return label;
    }
}
