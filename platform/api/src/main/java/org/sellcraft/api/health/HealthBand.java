package org.sellcraft.api.health;

/** The risk band of a customer, from best to worst. */
public enum HealthBand {
    /** Buying in their usual rhythm. */
    HEALTHY("healthy", new Text("Healthy", "健康")),
    /** Some signals slipping; worth a look. */
    WATCH("watch", new Text("Watch", "关注")),
    /** Clearly slipping; an alert is raised when a customer enters this band. */
    AT_RISK("at-risk", new Text("At risk", "有流失风险")),
    /** No purchase for longer than the configured churn period. */
    CHURNED("churned", new Text("Churned", "已流失"));

    private final String id;
    private final Text label;

    HealthBand(String id, Text label) {
        this.id = id;
        this.label = label;
    }

    /** The band's name in URLs, JSON and configuration, for example {@code at-risk}. */
    public String id() {
        return id;
    }

    public Text label() {
        return label;
    }

    /** Whether this band is at risk or churned: the bands that need someone to act. */
    public boolean needsAction() {
        return this == AT_RISK || this == CHURNED;
    }

    /**
     * Returns the band with this id or enum name, case-insensitive.
     *
     * @throws IllegalArgumentException naming the known bands when none matches
     */
    public static HealthBand of(String value) {
        for (HealthBand band : values()) {
            if (band.id.equalsIgnoreCase(value) || band.name().equalsIgnoreCase(value)) {
                return band;
            }
        }
        throw new IllegalArgumentException("Unknown band '" + value + "': use healthy, watch, at-risk or churned");
    }
}
