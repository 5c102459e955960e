package org.sellcraft.api.health;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a factor sees of one customer: everything recorded up to the as-of date, oldest first. Orders without a
 * customer never reach a history, and lines of non-product stock codes (postage, fees, vouchers) are left out of
 * values and categories.
 *
 * @param accountId the customer's account id
 * @param accountCode the account's code (the customer number of the source system), or {@code null}
 * @param purchases one entry per purchase order: an order that is not a cancellation and has at least one product
 *     line with a positive quantity
 * @param returns one entry per order with returned product lines (cancellations and negative quantities)
 * @param contacts visits and calls recorded as activities of the account
 */
public record CustomerHistory(
        String accountId, String accountCode, List<Purchase> purchases, List<Return> returns, List<Contact> contacts) {

    public CustomerHistory {
        Objects.requireNonNull(accountId, "accountId");
        purchases = List.copyOf(purchases);
        returns = List.copyOf(returns);
        contacts = List.copyOf(contacts);
    }

    /**
     * One purchase order.
     *
     * @param orderId the order's record id
     * @param day the day it was ordered, in the configured time zone
     * @param value the value of its product lines with a positive quantity (quantity times unit price)
     * @param categories the categories of its products: a product's category where the product has one, otherwise
     *     the family of its stock code
     */
    public record Purchase(String orderId, LocalDate day, double value, List<String> categories) {

        public Purchase {
            categories = List.copyOf(categories);
        }
    }

    /**
     * Returned goods of one order.
     *
     * @param orderId the order's record id
     * @param day the day of the return
     * @param value the value returned, as a positive amount
     */
    public record Return(String orderId, LocalDate day, double value) {}

    /**
     * A visit or a call.
     *
     * @param day the day it took place
     * @param kind {@code visit} or {@code call}
     */
    public record Contact(LocalDate day, String kind) {}
}
