package org.sellcraft.api.ai;

import java.util.List;
import java.util.Map;

/**
 * What a provider wrote.
 *
 * @param items the output's items, each a value per field of the request
 * @param confirmations the points a person must confirm before the output is used
 * @param model the model that wrote it, for example {@code grounded-templates} or the name a server reports
 * @param attempts how many calls it took, retries included
 */
public record ModelReply(List<Map<String, String>> items, List<String> confirmations, String model, int attempts) {

    public ModelReply {
        items = items.stream().map(Map::copyOf).toList();
        confirmations = List.copyOf(confirmations);
    }
}
