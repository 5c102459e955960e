package org.sellcraft.ecosystem.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sellcraft.api.automation.ActionHandler;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordService;

/**
 * Sends a contractor, for one idle machine, the open work nearby and the current leasing offer, as a shared
 * document the contractor's users can read. Nearby means in the machine's region: joint projects whose status is
 * {@code open} and opportunities still in the pipeline (not won or lost) of accounts in that region. The offer is
 * the leasing offer record valid on the day (one for the region before one without a region), or else the rule's
 * {@code offer} text.
 *
 * <p>Parameters: {@code partner}, {@code equipment} (required), {@code region}, {@code day} (the day judged,
 * {@code YYYY-MM-DD}; today when empty), {@code offer} (the fallback offer text), {@code title}.
 */
final class IdleEquipmentOffer implements ActionHandler {

    static final String TYPE = "offer-idle-equipment";
    static final String KIND = "idle-equipment-offer";
    private static final Set<String> CLOSED_STAGES = Set.of("Won", "Lost");

    private final RecordService records;
    private final Clock clock;

    IdleEquipmentOffer(RecordService records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** What a contractor is sent: the open projects and opportunities by code and name, and the offer's text. */
    record Offer(List<String> projects, List<String> opportunities, String offerEn, String offerZh) {}

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void check(Map<String, String> parameters) {
        for (String name : List.of("partner", "equipment")) {
            if (parameters.getOrDefault(name, "").isBlank()) {
                throw new IllegalArgumentException(TYPE + " needs the parameter '" + name + "'");
            }
        }
    }

    @Override
    public String perform(Map<String, String> parameters, Map<String, Object> facts, boolean dryRun) {
        String partner = parameters.getOrDefault("partner", "");
        String equipment = parameters.getOrDefault("equipment", "");
        if (partner.isBlank() || equipment.isBlank()) {
            throw new IllegalArgumentException("the equipment or its contractor is empty for these facts");
        }
        String region = parameters.getOrDefault("region", "");
        String day = parameters.getOrDefault("day", "");
        Offer offer = find(
                region,
                day.isBlank() ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : LocalDate.parse(day),
                parameters.getOrDefault("offer", ""));
        String title = parameters.getOrDefault("title", "").isBlank()
                ? "Open projects near " + equipment + " and the current leasing offer"
                : parameters.get("title");
        String line = "send '" + title + "' to partner " + partner + ": "
                + offer.projects().size()
                + " open joint projects, " + offer.opportunities().size() + " open opportunities in region '"
                + region + "'" + (offer.offerEn().isBlank() ? ", no leasing offer" : ", leasing offer");
        if (dryRun) {
            return line;
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("partnerId", partner);
        document.put("title", title);
        document.put("kind", KIND);
        document.put("sharedAt", clock.instant());
        document.put("bodyEn", bodyEn(offer));
        document.put("bodyZh", bodyZh(offer));
        if (!region.isBlank()) {
            document.put("regionId", region);
        }
        records.create(Caller.system(), EcosystemTypes.DOCUMENT, document);
        return line;
    }

    /** The open work in a region and the offer valid on a day. */
    Offer find(String region, LocalDate day, String fallbackOffer) {
        List<String> projects = new ArrayList<>();
        List<String> opportunities = new ArrayList<>();
        if (!region.isBlank()) {
            records.forEach(Caller.system(), EcosystemTypes.JOINT_PROJECT, project -> {
                if (region.equals(project.get("regionId")) && "open".equalsIgnoreCase((String) project.get("status"))) {
                    projects.add(named(project));
                }
            });
            Map<String, Boolean> accountInRegion = new HashMap<>();
            records.forEach(Caller.system(), SalesTypes.ACCOUNT, account -> {
                if (region.equals(account.get("regionId"))) {
                    accountInRegion.put(account.id(), true);
                }
            });
            records.forEach(Caller.system(), SalesTypes.OPPORTUNITY, opportunity -> {
                boolean open = !CLOSED_STAGES.contains(opportunity.get("stage"));
                if (open && accountInRegion.containsKey(opportunity.get("accountId"))) {
                    opportunities.add(named(opportunity));
                }
            });
        }
        projects.sort(Comparator.naturalOrder());
        opportunities.sort(Comparator.naturalOrder());

        List<Record> offers = new ArrayList<>();
        records.forEach(Caller.system(), EcosystemTypes.LEASING_OFFER, candidate -> {
            Object offerRegion = candidate.get("regionId");
            if ((offerRegion == null || offerRegion.equals(region)) && validOn(candidate, day)) {
                offers.add(candidate);
            }
        });
        // One for the region first, then by code, so that the same offer is chosen every time.
        Record best = offers.stream()
                .min(Comparator.comparing((Record o) -> o.get("regionId") == null)
                        .thenComparing(o -> (String) o.get("code")))
                .orElse(null);
        if (best == null) {
            return new Offer(projects, opportunities, fallbackOffer, fallbackOffer);
        }
        String zh = (String) best.get("textZh");
        return new Offer(projects, opportunities, (String) best.get("textEn"), zh == null ? "" : zh);
    }

    private static boolean validOn(Record offer, LocalDate day) {
        LocalDate from = (LocalDate) offer.get("validFrom");
        LocalDate until = (LocalDate) offer.get("validUntil");
        return (from == null || !day.isBefore(from)) && (until == null || !day.isAfter(until));
    }

    private static String named(Record record) {
        Object name = record.get("name");
        return record.get("code") + (name == null ? "" : " " + name);
    }

    private static String bodyEn(Offer offer) {
        return "Open joint projects nearby: " + listed(offer.projects()) + "\nOpen opportunities nearby: "
                + listed(offer.opportunities()) + "\nLeasing offer: "
                + (offer.offerEn().isBlank() ? "none at present" : offer.offerEn());
    }

    private static String bodyZh(Offer offer) {
        return "附近的开放联合项目：" + listed(offer.projects()) + "\n附近的开放商机：" + listed(offer.opportunities()) + "\n租赁优惠："
                + (offer.offerZh().isBlank() ? "暂无" : offer.offerZh());
    }

    private static String listed(List<String> items) {
        return items.isEmpty() ? "-" : String.join("; ", items);
    }
}
