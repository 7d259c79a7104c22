package io.ltvcascade.model.metrics;

/** One predicted-value decile (1 = highest predictions): its size and mean predicted and actual value. */
public record DecileRow(int decile, int customers, double meanPredicted, double meanActual) {}
