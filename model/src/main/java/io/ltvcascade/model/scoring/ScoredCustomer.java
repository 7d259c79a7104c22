package io.ltvcascade.model.scoring;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ltvcascade.model.ccor.Predictions;
import java.util.ArrayList;
import java.util.List;

/**
 * One customer's prediction as every scoring path hands it out (online JSON, batch CSV and JSON pages, the CLI):
 * design.md's prediction contract.
 *
 * @param customerId the row's id
 * @param expectedLtv expected value, in label units
 * @param bucket predicted bucket, 0 = zero value … K−1 = top
 * @param bucketProbabilities P(bucket = k) for each k; null for baselines
 * @param pPayer P(value &gt; 0); null for the MSE-log baseline
 * @param highValueConfidence the high-value module's confidence where it ran, else null
 */
public record ScoredCustomer(String customerId, double expectedLtv, int bucket, double[] bucketProbabilities,
        @JsonProperty("p_payer") Double pPayer, Double highValueConfidence) {

    /** The customers of {@code predictions}, in row order, with their ids. */
    public static List<ScoredCustomer> of(String[] ids, Predictions predictions) {
        List<ScoredCustomer> out = new ArrayList<>(predictions.size());
        for (int i = 0; i < predictions.size(); i++) {
            double confidence = predictions.highValueConfidence()[i];
            double[] probabilities = predictions.bucketProbabilities() == null ? null : predictions.bucketProbabilities()[i];
            Double payer = predictions.payerProbability() == null ? null : predictions.payerProbability()[i];
            out.add(new ScoredCustomer(ids[i], predictions.expected()[i], predictions.bucket()[i], probabilities, payer,
                    Double.isNaN(confidence) ? null : confidence));
        }
        return out;
    }
}
