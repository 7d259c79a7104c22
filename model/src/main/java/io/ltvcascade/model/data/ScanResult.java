package io.ltvcascade.model.data;

import java.util.List;

/** The outcome of a validating pass over an uploaded CSV: its columns, row count and labels. */
public record ScanResult(List<String> header, List<ColumnScan> columns, long rowCount, double[] labels) {}
