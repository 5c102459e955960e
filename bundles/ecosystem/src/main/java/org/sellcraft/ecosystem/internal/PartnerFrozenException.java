package org.sellcraft.ecosystem.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sellcraft.api.service.RecordRefusedException;

/**
 * A new work order for a partner whose new orders a contract clause has frozen. It is a refusal of the record service,
 * so every way in answers the same: 409 with the reason in English and Chinese over REST, a rejected row in an import.
 */
final class PartnerFrozenException extends RecordRefusedException {

    private static final long serialVersionUID = 1L;

    PartnerFrozenException(String partnerId, String partnerName, String reasonEn, String reasonZh, Instant since) {
        super(
                "partnerId",
                partnerId,
                "Partner '" + partnerName + "' is frozen for new work orders since " + since + ": " + reasonEn,
                details(partnerId, reasonEn, reasonZh, since));
    }

    private PartnerFrozenException(String field, String value, String reason, Map<String, Object> details) {
        super(field, value, reason, details);
    }

    private static Map<String, Object> details(String partnerId, String reasonEn, String reasonZh, Instant since) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("partnerId", partnerId);
        details.put("reasonEn", reasonEn);
        details.put("reasonZh", reasonZh);
        details.put("since", since);
        return details;
    }

    /** The sentence a person reads, without the field prefix of other validation messages. */
    @Override
    public String getMessage() {
        return reason();
    }

    @Override
    public PartnerFrozenException at(String path) {
        return new PartnerFrozenException(path, value(), reason(), details());
    }

    String partnerId() {
        return (String) details().get("partnerId");
    }

    String reasonEn() {
        return (String) details().get("reasonEn");
    }

    String reasonZh() {
        return (String) details().get("reasonZh");
    }

    Instant since() {
        return (Instant) details().get("since");
    }
}
