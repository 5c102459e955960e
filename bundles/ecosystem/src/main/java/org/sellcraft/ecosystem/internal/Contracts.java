package org.sellcraft.ecosystem.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sellcraft.api.automation.AutomationService;
import org.sellcraft.api.automation.Rule;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordIds;
import org.sellcraft.api.security.AccessDeniedException;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.RecordService;

/** Contracts: a partner (or every partner), a clause template, and the rules that carry the clause out. */
final class Contracts {

    private final RecordService records;
    private final AutomationService automation;
    private final Clock clock;

    Contracts(RecordService records, AutomationService automation, Clock clock) {
        this.records = records;
        this.automation = automation;
        this.clock = clock;
    }

    /**
     * Signs a contract from a template: saves its rules, active at once, and the contract record.
     *
     * @param partnerId the partner it binds, or {@code null} for every partner
     * @throws IllegalArgumentException naming an unknown template
     */
    Record sign(Caller caller, String templateId, String partnerId) {
        if (!caller.isSystem() && !caller.hasRole(Roles.ADMIN)) {
            throw new AccessDeniedException("Only administrators sign contracts");
        }
        ContractTemplates.Template template = ContractTemplates.template(templateId)
                .orElseThrow(
                        () -> new IllegalArgumentException("Unknown contract template '" + templateId + "'; known: "
                                + ContractTemplates.ALL.stream()
                                        .map(ContractTemplates.Template::id)
                                        .toList()));
        Record partner = partnerId == null ? null : records.get(caller, EcosystemTypes.PARTNER, partnerId);
        String code = templateId + "-" + (partner == null ? "all" : partner.id());

        List<String> ruleIds = new ArrayList<>();
        for (Rule rule : ContractTemplates.rules(template, code, partnerId)) {
            ruleIds.add(automation.save(caller, rule).id());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("template", templateId);
        fields.put("wordingEn", template.wordingEn());
        fields.put("wordingZh", template.wordingZh());
        fields.put("ruleIds", String.join(",", ruleIds));
        fields.put("signedAt", clock.instant());
        if (partnerId != null) {
            fields.put("partnerId", partnerId);
        }
        // Signing the same template for the same partner again replaces the contract's wording and rule versions.
        records.upsert(Caller.system(), EcosystemTypes.CONTRACT, List.of(fields));
        return records.get(Caller.system(), EcosystemTypes.CONTRACT, RecordIds.fromKey(EcosystemTypes.CONTRACT, code));
    }
}
