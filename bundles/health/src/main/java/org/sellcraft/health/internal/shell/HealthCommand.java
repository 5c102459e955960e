package org.sellcraft.health.internal.shell;

import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.sellcraft.api.health.FactorScore;
import org.sellcraft.api.health.HealthScore;
import org.sellcraft.api.health.HealthService;

/** Shows one customer's health: score, band, change, the figures and every factor's part with its sentence. */
@Service
@Command(scope = "sellcraft", name = "health", description = "A customer's health score with its explanation")
public class HealthCommand implements Action {

    @Reference
    HealthService health;

    @Argument(name = "customer", description = "The account id or the customer's code, e.g. 17850", required = true)
    String customer;

    @Option(name = "--lang", description = "Language of the explanation: en (default) or zh")
    String lang = "en";

    @Override
    public Object execute() {
        if (!health.ready()) {
            System.out.println("Customer health is being built after a start; try again shortly.");
            return null;
        }
        HealthScore score = health.score(customer).orElse(null);
        if (score == null) {
            System.out.println("No health score for '" + customer + "': unknown, or no purchase recorded yet.");
            return null;
        }
        Locale locale = Locale.forLanguageTag(lang);

        System.out.printf(
                "%s %s, as of %s%n",
                score.accountCode() == null ? score.accountId() : score.accountCode(),
                score.accountName() == null ? "" : score.accountName(),
                score.asOf());
        System.out.println(score.summary().in(locale));
        System.out.printf(
                "Score %d (%+d over the change period), value at stake %.2f%n",
                score.score(), score.change(), score.valueAtStake());
        System.out.printf(
                "Recency %d days, %d purchases and %.2f net spend in the last %d days, usual interval %.1f days%n",
                score.figures().recencyDays(),
                score.figures().frequency(),
                score.figures().monetary(),
                score.figures().windowDays(),
                score.figures().usualInterval());
        System.out.println();
        System.out.printf("  %-20s %7s %7s %7s  %s%n", "factor", "weight", "points", "lost", "why");
        for (FactorScore factor : score.factors()) {
            System.out.printf(
                    "  %-20s %7.1f %7s %7s  %s%n",
                    factor.label().in(locale),
                    factor.weight(),
                    factor.applicable() ? String.format("%.1f", factor.points()) : "-",
                    factor.applicable() ? String.format("%.1f", factor.lost()) : "-",
                    factor.sentence().in(locale));
        }
        return null;
    }
}
