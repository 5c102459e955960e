package org.sellcraft.ai.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sellcraft.api.record.Record;

/**
 * The manager view's figures of one person or a team: runs per day, the share started by the person against those
 * prompted by the system, sign-off decisions and adoption rate (adopted or edited, of all signed off), the clarity
 * of the cards they wrote, and the time from a customer health alert to the first action on that customer (a run
 * or a sign-off), measured on the prompts the alerts raised.
 */
final class Metrics {

    private Metrics() {}

    static Map<String, Object> of(
            String person, List<Record> runs, List<Integer> clarity, List<Record> prompts, double days) {
        Map<String, Integer> decisions = new LinkedHashMap<>();
        Runs.DECISIONS.forEach(decision -> decisions.put(decision, 0));
        int byRep = 0;
        for (Record run : runs) {
            decisions.merge((String) run.get("signOff"), 1, Integer::sum);
            byRep += "rep".equals(run.get("trigger")) ? 1 : 0;
        }
        int adopted = decisions.get("adopted") + decisions.get("edited");
        int signed = adopted + decisions.get("discarded");

        Map<String, Object> json = new LinkedHashMap<>();
        if (person != null) {
            json.put("userName", person);
        }
        json.put("runs", runs.size());
        json.put("runsPerDay", round(runs.size() / days));
        json.put("startedByRep", byRep);
        json.put("promptedBySystem", runs.size() - byRep);
        json.put("repShare", runs.isEmpty() ? null : round((double) byRep / runs.size()));
        json.put("decisions", decisions);
        json.put("adoptionRate", signed == 0 ? null : round((double) adopted / signed));
        json.put("cardsWritten", clarity.size());
        json.put(
                "clarity",
                clarity.isEmpty()
                        ? null
                        : round(clarity.stream()
                                .mapToInt(Integer::intValue)
                                .average()
                                .orElse(0)));
        json.putAll(alertResponse(prompts));
        return json;
    }

    /** For every prompt an alert raised, the minutes from the alert to the first action on its customer. */
    private static Map<String, Object> alertResponse(List<Record> prompts) {
        List<Long> minutes = new ArrayList<>();
        for (Record prompt : prompts) {
            if (prompt.get("actedAt") instanceof Instant acted) {
                minutes.add(Duration.between((Instant) prompt.get("raisedAt"), acted)
                        .toMinutes());
            }
        }
        minutes.sort(Long::compareTo);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("alerts", prompts.size());
        json.put("alertsActedOn", minutes.size());
        json.put("medianMinutesFromAlertToFirstAction", minutes.isEmpty() ? null : median(minutes));
        return json;
    }

    private static double median(List<Long> sorted) {
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
