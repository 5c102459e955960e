package org.sellcraft.health.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How customer health is scored (PID {@code org.sellcraft.health}). */
@ObjectClassDefinition(
        name = "Sellcraft customer health",
        description = "Windows, weights and band thresholds of the customer health score")
public @interface HealthConfig {

    /** The configuration's persistent id. */
    String PID = "org.sellcraft.health";

    @AttributeDefinition(
            name = "Reference date",
            description = "What 'today' is for scoring. Empty: the date of the latest order in the data, which suits"
                    + " historical data (the UCI retail file ends on 2011-12-09; against the wall clock everyone"
                    + " would be churned). 'today': the wall clock, for live data. Or a fixed date, yyyy-MM-dd.")
    String referenceDate() default "";

    @AttributeDefinition(name = "Time zone", description = "The zone in which order times become days")
    String zone() default "UTC";

    @AttributeDefinition(
            name = "Window (days)",
            description = "The window of purchase frequency, spend, value at stake and return rate")
    int windowDays() default 365;

    @AttributeDefinition(
            name = "Recent period (days)",
            description = "The recent period that frequency, spend, basket breadth and visits compare with the"
                    + " customer's own past")
    int recentDays() default 90;

    @AttributeDefinition(
            name = "Change period (days)",
            description = "A score's change is measured against the score this many days earlier")
    int changeDays() default 30;

    @AttributeDefinition(name = "Healthy from", description = "The lowest score that is healthy (0-100)")
    int healthyFrom() default 70;

    @AttributeDefinition(
            name = "Watch from",
            description = "The lowest score that is watch (0-100); below it a customer is at risk")
    int watchFrom() default 50;

    @AttributeDefinition(
            name = "Churned after (days)",
            description = "A customer without a purchase for longer than this is churned, whatever the score")
    int churnedAfterDays() default 180;

    @AttributeDefinition(
            name = "Factor weights",
            description = "name=weight pairs separated by commas. Factors: recency, intervals, frequency, monetary,"
                    + " returns, breadth, activities, and those of installed add-ons (pipeline). A factor not named"
                    + " keeps its default weight; 0 switches it off.")
    String weights() default "";

    @AttributeDefinition(
            name = "Non-product stock codes",
            description = "Stock codes left out of spend, returns and categories (postage, fees, discounts,"
                    + " vouchers), separated by commas; a trailing * matches any ending")
    String nonProductCodes() default "POST, DOT, M, C2, D, S, B, BANK CHARGES, AMAZONFEE, CRUK, gift_0001_*";
}
