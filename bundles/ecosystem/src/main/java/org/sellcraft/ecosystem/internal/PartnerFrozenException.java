package org.sellcraft.ecosystem.internal;

import java.time.Instant;

/** A new work order for a partner whose new orders a contract clause has frozen. */
final class PartnerFrozenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String partnerId;
    private final String reasonEn;
    private final String reasonZh;
    private final transient Instant since;

    PartnerFrozenException(String partnerId, String partnerName, String reasonEn, String reasonZh, Instant since) {
        super("Partner '" + partnerName + "' is frozen for new work orders since " + since + ": " + reasonEn);
        this.partnerId = partnerId;
        this.reasonEn = reasonEn;
        this.reasonZh = reasonZh;
        this.since = since;
    }

    String partnerId() {
        return partnerId;
    }

    String reasonEn() {
        return reasonEn;
    }

    String reasonZh() {
        return reasonZh;
    }

    Instant since() {
        return since;
    }
}
