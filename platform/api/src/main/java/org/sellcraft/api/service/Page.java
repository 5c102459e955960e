package org.sellcraft.api.service;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items the records on this page
 * @param total how many records match in all
 * @param offset how many were skipped
 * @param limit the page size asked for
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public Page {
        items = List.copyOf(items);
    }
}
