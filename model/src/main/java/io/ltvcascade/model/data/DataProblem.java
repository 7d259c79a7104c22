package io.ltvcascade.model.data;

/** The kinds of problems a CSV upload can have; each maps to one HTTP status and problem type. */
public enum DataProblem {
    /** The request names a column that is not in the header, or a role that does not exist. */
    UNKNOWN_COLUMN,
    /** Blank or duplicated column names, or the id/label column is missing from the header. */
    BAD_HEADER,
    /** The file has no header or no data rows. */
    EMPTY_FILE,
    /** Broken quoting or a row with a different number of fields than the header. */
    MALFORMED_ROW,
    /** A value that is not a finite number in a column that must be numeric. */
    NOT_NUMERIC,
    /** A label that is missing, negative or not a finite number. */
    BAD_LABEL,
    /** A customer id that is empty or appears twice. */
    BAD_ID,
    /** The bytes cannot be read as (optionally gzip-compressed) CSV. */
    UNREADABLE,
    /** The file is larger than the configured limit. */
    TOO_LARGE
}
