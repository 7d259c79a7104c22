package io.ltvcascade.model.data;

import java.util.List;
import java.util.Locale;

/**
 * The stored and wire form of a dataset schema: {@code {"columns":[{"name","role","type"}]}} in lowercase words;
 * the api writes it into datasets.schema and workers read it back.
 */
public record SchemaJson(List<Column> columns) {

    /** One column of the stored schema. */
    public record Column(String name, String role, String type) {}

    public static SchemaJson from(TableSchema schema) {
        return new SchemaJson(schema.columns().stream()
                .map(c -> new Column(c.name(), c.role().wireName(), c.type().name().toLowerCase(Locale.ROOT)))
                .toList());
    }

    public TableSchema toSchema() {
        return new TableSchema(columns.stream()
                .map(c -> new ColumnSpec(c.name(), ColumnRole.parse(c.role()), ValueType.valueOf(c.type().toUpperCase(Locale.ROOT))))
                .toList());
    }
}
