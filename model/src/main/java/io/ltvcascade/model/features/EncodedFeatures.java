package io.ltvcascade.model.features;

/**
 * Network inputs for {@code rows} customers: row-major standardised numeric features ({@code rows × numericWidth})
 * and row-major category indexes ({@code rows × categoricalColumns}).
 */
public record EncodedFeatures(int rows, int numericWidth, float[] numeric, int categoricalColumns, long[] categorical) {}
