package io.ltvcascade.api.dataset;

import io.ltvcascade.model.data.ColumnRole;
import io.ltvcascade.model.data.ColumnSpec;
import io.ltvcascade.model.data.TableSchema;
import io.ltvcascade.model.data.ValueType;
import java.util.List;
import java.util.Locale;

/** The stored and wire form of a dataset schema: {@code {"columns":[{"name","role","type"}]}} in lowercase words. */
public record SchemaJson(List<Column> columns) {

    /** One column of the stored schema. */
    public record Column(String name, String role, String type) {}

    static SchemaJson from(TableSchema schema) {
        return new SchemaJson(schema.columns().stream()
                .map(c -> new Column(c.name(), c.role().wireName(), c.type().name().toLowerCase(Locale.ROOT)))
                .toList());
    }

    TableSchema toSchema() {
        return new TableSchema(columns.stream()
                .map(c -> new ColumnSpec(c.name(), ColumnRole.parse(c.role()), ValueType.valueOf(c.type().toUpperCase(Locale.ROOT))))
                .toList());
    }
}
