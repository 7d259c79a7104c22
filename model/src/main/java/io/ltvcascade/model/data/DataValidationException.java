package io.ltvcascade.model.data;

/** A dataset the platform refuses, with the line (1 = header) and column where the problem is, when known. */
public class DataValidationException extends RuntimeException {

    private final DataProblem problem;
    private final Long line;
    private final String column;

    public DataValidationException(DataProblem problem, Long line, String column, String message) {
        super(message);
        this.problem = problem;
        this.line = line;
        this.column = column;
    }

    public static DataValidationException at(DataProblem problem, long line, String column, String message) {
        return new DataValidationException(problem, line, column, message);
    }

    public DataProblem problem() {
        return problem;
    }

    public Long line() {
        return line;
    }

    public String column() {
        return column;
    }
}
