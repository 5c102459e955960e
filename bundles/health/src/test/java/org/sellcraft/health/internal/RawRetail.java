package org.sellcraft.health.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Recency, frequency, spend and purchase intervals computed straight from the raw retail file with plain Java,
 * without any Sellcraft code, following the dataset's own notes: customer ids written as floats lose their
 * {@code .0}, rows without a customer (stock write-offs among them) are left out, C-invoices are returns, and the
 * non-product codes (postage, fees, discounts, samples, vouchers) count for nothing.
 */
final class RawRetail {

    static final Path FILE = Paths.get(System.getProperty("sellcraft.data", "../../../shared/data"))
            .resolve("uci-online-retail/online_retail.csv.gz");

    private static final Set<String> NON_PRODUCT =
            Set.of("POST", "DOT", "M", "C2", "D", "S", "B", "BANK CHARGES", "AMAZONFEE", "CRUK");
    private static final int WINDOW_DAYS = 365;

    /** One customer's figures as of the last day of the file. */
    record Figures(long recencyDays, int frequency, BigDecimal monetary, List<Integer> intervals, int purchases) {}

    private final Map<String, Map<String, Invoice>> invoicesByCustomer = new HashMap<>();
    private LocalDate lastDay;

    private static final class Invoice {
        LocalDate day;
        boolean cancellation;
        boolean purchasedLine;
        BigDecimal purchased = BigDecimal.ZERO;
        BigDecimal returned = BigDecimal.ZERO;
    }

    static RawRetail read() throws IOException {
        RawRetail raw = new RawRetail();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(FILE)), StandardCharsets.UTF_8))) {
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                raw.add(row);
            }
        }
        return raw;
    }

    private void add(CSVRecord row) {
        LocalDate day = LocalDate.parse(row.get("InvoiceDate").substring(0, 10));
        lastDay = lastDay == null || day.isAfter(lastDay) ? day : lastDay;
        String customer = row.get("CustomerID").replace(".0", "");
        if (customer.isEmpty()) {
            return;
        }
        String number = row.get("InvoiceNo");
        Invoice invoice = invoicesByCustomer
                .computeIfAbsent(customer, c -> new HashMap<>())
                .computeIfAbsent(number, n -> new Invoice());
        invoice.day = invoice.day == null || day.isAfter(invoice.day) ? day : invoice.day;
        invoice.cancellation = number.startsWith("C");
        if (!isProduct(row.get("StockCode"))) {
            return;
        }
        long quantity = Long.parseLong(row.get("Quantity"));
        BigDecimal value = new BigDecimal(row.get("UnitPrice")).multiply(BigDecimal.valueOf(quantity));
        if (quantity < 0) {
            invoice.returned = invoice.returned.subtract(value);
        } else if (quantity > 0 && !invoice.cancellation) {
            invoice.purchased = invoice.purchased.add(value);
            invoice.purchasedLine = true;
        }
    }

    private static boolean isProduct(String code) {
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return !NON_PRODUCT.contains(upper) && !upper.startsWith("GIFT_0001_");
    }

    LocalDate lastDay() {
        return lastDay;
    }

    /** Customers with at least one purchase. */
    Set<String> buyers() {
        Set<String> buyers = new TreeSet<>();
        invoicesByCustomer.forEach((customer, invoices) -> {
            if (invoices.values().stream().anyMatch(i -> i.purchasedLine)) {
                buyers.add(customer);
            }
        });
        return buyers;
    }

    Figures figures(String customer) {
        Map<String, Invoice> invoices = invoicesByCustomer.get(customer);
        LocalDate windowStart = lastDay.minusDays(WINDOW_DAYS);
        TreeSet<LocalDate> days = new TreeSet<>();
        int frequency = 0;
        int purchases = 0;
        BigDecimal monetary = BigDecimal.ZERO;
        for (Invoice invoice : invoices.values()) {
            boolean inWindow = invoice.day.isAfter(windowStart);
            if (invoice.purchasedLine) {
                days.add(invoice.day);
                purchases++;
                frequency += inWindow ? 1 : 0;
            }
            if (inWindow) {
                monetary = monetary.add(invoice.purchased).subtract(invoice.returned);
            }
        }
        List<Integer> intervals = new ArrayList<>();
        LocalDate previous = null;
        for (LocalDate day : days) {
            if (previous != null) {
                intervals.add((int) ChronoUnit.DAYS.between(previous, day));
            }
            previous = day;
        }
        return new Figures(ChronoUnit.DAYS.between(days.last(), lastDay), frequency, monetary, intervals, purchases);
    }
}
