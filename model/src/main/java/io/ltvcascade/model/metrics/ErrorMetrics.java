package io.ltvcascade.model.metrics;

/** How far predicted values are from the truth: NMAE, NRMSE, MAPE and AMBE (mean bias). */
public final class ErrorMetrics {

    private ErrorMetrics() {}

    /** Σ|ŷ − y| / Σy. */
    public static double nmae(double[] y, double[] predicted) {
        Ranking.requireSameLength(y, predicted);
        double abs = 0;
        for (int i = 0; i < y.length; i++) {
            abs += Math.abs(predicted[i] - y[i]);
        }
        double total = Ranking.sum(y);
        return total == 0 ? Double.NaN : abs / total;
    }

    /** √mean((ŷ − y)²) / ȳ. */
    public static double nrmse(double[] y, double[] predicted) {
        Ranking.requireSameLength(y, predicted);
        double sq = 0;
        for (int i = 0; i < y.length; i++) {
            sq += (predicted[i] - y[i]) * (predicted[i] - y[i]);
        }
        double mean = Ranking.sum(y) / y.length;
        return mean == 0 ? Double.NaN : Math.sqrt(sq / y.length) / mean;
    }

    /** mean over y &gt; 0 of |ŷ − y| / y (zeros excluded). */
    public static double mape(double[] y, double[] predicted) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] > 0) {
                sum += Math.abs(predicted[i] - y[i]) / y[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** |mean(ŷ − y)| over the customers where {@code include} is true (all when null). */
    public static double ambe(double[] y, double[] predicted, boolean[] include) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (include == null || include[i]) {
                sum += predicted[i] - y[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.abs(sum / n);
    }
}
