package org.sellcraft.api.security;

/** Which records of a type a role may see. */
public enum RecordScope {
    /** Every record. */
    ALL,
    /** Records owned by the reps of the manager's team, and the manager's own. */
    TEAM,
    /** Records the user owns; for accounts also those they have opportunities or orders with. */
    OWN,
    /** Records shared with the user's partner organisation, within the partner's regions. */
    PARTNER,
    /** No record. */
    NONE
}
