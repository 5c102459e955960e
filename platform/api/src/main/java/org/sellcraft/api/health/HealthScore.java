package org.sellcraft.api.health;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A customer's health as of a day, with its explanation.
 *
 * @param accountId the customer's account id
 * @param accountCode the account's code, or {@code null}
 * @param accountName the account's name, or {@code null}
 * @param asOf the day the score is for
 * @param score from 0 (lost) to 100 (fully healthy): the weighted mean of the factors that apply
 * @param band the risk band
 * @param previousScore the score as of {@code changeDays} earlier, or {@code null} when the customer had not bought
 *     by then
 * @param valueAtStake net spend within the window: what a year of this customer is worth
 * @param figures the figures the factors are built on
 * @param factors every factor's part, the ones that cost most points first
 * @param summary one line for people: the band, the score and the main reason
 * @param dimensions the customer's segment attributes: {@code region}, {@code owner}, {@code channel},
 *     {@code segment} and {@code country}, where known
 */
public record HealthScore(
        String accountId,
        String accountCode,
        String accountName,
        LocalDate asOf,
        int score,
        HealthBand band,
        Integer previousScore,
        double valueAtStake,
        CustomerFigures figures,
        List<FactorScore> factors,
        Text summary,
        Map<String, String> dimensions) {

    public HealthScore {
        factors = List.copyOf(factors);
        dimensions = Map.copyOf(dimensions);
    }

    /** How much the score moved over the change period; 0 when there is no earlier score. */
    public int change() {
        return previousScore == null ? 0 : score - previousScore;
    }

    /** The sentences of the factors that cost points, the costliest first: the reasons a rep reads. */
    public List<Text> reasons() {
        return factors.stream()
                .filter(f -> f.applicable() && f.lost() >= 0.5)
                .map(FactorScore::sentence)
                .toList();
    }
}
