package io.ltvcascade.model.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an RFC 4180 CSV stream row by row: the header first, then rows of exactly as many trimmed fields.
 * Broken quoting and ragged rows fail with the line number.
 */
public final class CsvRows implements AutoCloseable {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final String[] fields;
    private long line;

    private CsvRows(CSVParser parser) {
        this.parser = parser;
        this.line = 0;
        this.records = parser.iterator();
        this.header = readHeader();
        this.fields = new String[header.size()];
    }

    /** Opens a UTF-8 stream (a leading byte-order mark is skipped) and reads its header line. */
    public static CsvRows open(InputStream in) {
        try {
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader);
            return new CsvRows(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> header() {
        return header;
    }

    /** Advances to the next data row; false at the end of the file. */
    public boolean next() {
        CSVRecord record = nextRecord();
        if (record == null) {
            return false;
        }
        if (record.size() != header.size()) {
            throw DataValidationException.at(DataProblem.MALFORMED_ROW, record.getRecordNumber(), null,
                    "row has " + record.size() + " fields but the header has " + header.size());
        }
        for (int i = 0; i < fields.length; i++) {
            fields[i] = record.get(i).trim();
        }
        line = record.getRecordNumber();
        return true;
    }

    /** The trimmed field {@code index} of the current row ("" when empty). */
    public String get(int index) {
        return fields[index];
    }

    /** The current row's record number, counting the header as line 1. */
    public long line() {
        return line;
    }

    private List<String> readHeader() {
        CSVRecord first = nextRecord();
        if (first == null) {
            throw new DataValidationException(DataProblem.EMPTY_FILE, null, null, "the file is empty: no header line");
        }
        line = 1;
        List<String> names = new ArrayList<>();
        first.forEach(name -> names.add(stripBom(name).trim()));
        return List.copyOf(names);
    }

    private CSVRecord nextRecord() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            // the broken record starts right after the last good one
            long at = line + 1;
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw DataValidationException.at(DataProblem.MALFORMED_ROW, at, null, "malformed CSV: " + why);
        }
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
