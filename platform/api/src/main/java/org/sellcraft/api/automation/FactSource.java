package org.sellcraft.api.automation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Supplies the facts scheduled rules judge: one map of facts per subject for a period, for example a partner's
 * satisfaction for a month. Bundles register sources as OSGi services; rules name them in
 * {@link Trigger#factSource()}.
 */
@ConsumerType
public interface FactSource {

    /** The name rules use, for example {@code partner-monthly-satisfaction}. */
    String name();

    /**
     * Returns the facts of every subject for a period.
     *
     * @param from the first day of the period
     * @param to the day after its last day
     * @return one map per subject; values are text, numbers, booleans, dates or instants
     */
    List<Map<String, Object>> facts(LocalDate from, LocalDate to);
}
