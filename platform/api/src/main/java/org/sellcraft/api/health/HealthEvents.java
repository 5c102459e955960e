package org.sellcraft.api.health;

/**
 * Event Admin topics and properties of the health engine. {@link #ALERT} is posted when a customer crosses from
 * healthy or watch into at risk or churned; other modules (rules, notifications) subscribe to it. A factor posts
 * {@link #RESCORE} when its own data about a customer changed.
 */
public final class HealthEvents {

    /** A customer crossed into a band that needs action. */
    public static final String ALERT = "org/sellcraft/health/ALERT";

    /**
     * Asks the engine to rescore one customer, named by {@link #ACCOUNT_ID}. Factors post it instead of calling
     * {@link HealthService#rescore(String)}: a factor that referenced the engine while the engine references every
     * factor would form a cycle of services that the component runtime cannot resolve.
     */
    public static final String RESCORE = "org/sellcraft/health/RESCORE";

    /** Property: the customer's account id. */
    public static final String ACCOUNT_ID = "accountId";
    /** Property: the account's code, when it has one. */
    public static final String ACCOUNT_CODE = "accountCode";
    /** Property: the score, an Integer. */
    public static final String SCORE = "score";
    /** Property: the band entered, by id ({@code at-risk} or {@code churned}). */
    public static final String BAND = "band";
    /** Property: the band before, by id. */
    public static final String PREVIOUS_BAND = "previousBand";
    /** Property: the value at stake, a Double. */
    public static final String VALUE_AT_STAKE = "valueAtStake";
    /** Property: the main reason in English. */
    public static final String REASON_EN = "reason.en";
    /** Property: the main reason in Chinese. */
    public static final String REASON_ZH = "reason.zh";
    /** Property: when the crossing was noticed, epoch milliseconds as a Long. */
    public static final String RAISED_AT = "raisedAt";

    private HealthEvents() {}
}
