package org.sellcraft.ai.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Purchase days, categories and spend computed straight from the raw retail file with plain Java and no Sellcraft
 * code, following the dataset's notes: customer ids lose their {@code .0}, rows without a customer are left out,
 * C-invoices are returns, and postage, fees, discounts, samples and vouchers are not products. A category is the
 * family of a stock code: its first three digits, or its letters.
 */
final class RawRetail {

    private static final Set<String> NON_PRODUCT =
            Set.of("POST", "DOT", "M", "C2", "D", "S", "B", "BANK CHARGES", "AMAZONFEE", "CRUK");

    private static final class Invoice {
        LocalDate day;
        String country;
        boolean cancellation;
        BigDecimal purchased = BigDecimal.ZERO;
        BigDecimal returned = BigDecimal.ZERO;
        final Set<String> families = new TreeSet<>();
    }

    private final Map<String, Map<String, Invoice>> invoices = new HashMap<>();
    /** Units sold per day and stock code, on every invoice that is not a cancellation, with a customer or not. */
    private final Map<LocalDate, Map<String, Long>> unitsSold = new HashMap<>();

    private LocalDate lastDay;

    static RawRetail read() throws IOException {
        RawRetail raw = new RawRetail();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(RetailWorld.FILE)), StandardCharsets.UTF_8))) {
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
        String stockCode = row.get("StockCode").trim().toUpperCase(Locale.ROOT);
        long units = Long.parseLong(row.get("Quantity"));
        if (units > 0 && !row.get("InvoiceNo").startsWith("C")) {
            unitsSold.computeIfAbsent(day, d -> new HashMap<>()).merge(stockCode, units, Long::sum);
        }
        String customer = row.get("CustomerID").replace(".0", "");
        if (customer.isEmpty()) {
            return;
        }
        String number = row.get("InvoiceNo");
        Invoice invoice =
                invoices.computeIfAbsent(customer, c -> new HashMap<>()).computeIfAbsent(number, n -> new Invoice());
        invoice.day = invoice.day == null || day.isAfter(invoice.day) ? day : invoice.day;
        invoice.cancellation = number.startsWith("C");
        invoice.country = row.get("Country");
        String code = row.get("StockCode").trim().toUpperCase(Locale.ROOT);
        if (NON_PRODUCT.contains(code) || code.startsWith("GIFT_0001_")) {
            return;
        }
        long quantity = Long.parseLong(row.get("Quantity"));
        BigDecimal value = new BigDecimal(row.get("UnitPrice")).multiply(BigDecimal.valueOf(quantity));
        if (quantity < 0) {
            invoice.returned = invoice.returned.subtract(value);
        } else if (quantity > 0 && !invoice.cancellation) {
            invoice.purchased = invoice.purchased.add(value);
            invoice.families.add(family(code));
        }
    }

    private static String family(String code) {
        if (Character.isDigit(code.charAt(0))) {
            return code.substring(0, Math.min(3, code.length()));
        }
        int end = 0;
        while (end < code.length() && Character.isLetter(code.charAt(end))) {
            end++;
        }
        return end == 0 ? code : code.substring(0, end);
    }

    LocalDate lastDay() {
        return lastDay;
    }

    /** The categories bought per purchase day. */
    private TreeMap<LocalDate, Set<String>> purchaseDays(String customer) {
        TreeMap<LocalDate, Set<String>> days = new TreeMap<>();
        for (Invoice invoice : invoices.get(customer).values()) {
            if (!invoice.families.isEmpty()) {
                days.computeIfAbsent(invoice.day, d -> new TreeSet<>()).addAll(invoice.families);
            }
        }
        return days;
    }

    /** The days between consecutive purchase days, oldest first. */
    List<Integer> intervals(String customer) {
        List<Integer> intervals = new ArrayList<>();
        LocalDate previous = null;
        for (LocalDate day : purchaseDays(customer).keySet()) {
            if (previous != null) {
                intervals.add((int) ChronoUnit.DAYS.between(previous, day));
            }
            previous = day;
        }
        return intervals;
    }

    /**
     * The customers among the top ones by net spend in the 365 days to the last day who did not buy a category new
     * to them on any day within the last six months, in order of spend.
     */
    List<String> addOnCandidates(int top, int months) {
        LocalDate valueFrom = lastDay.minusDays(365);
        LocalDate addOnFrom = lastDay.minusMonths(months);
        Map<String, BigDecimal> value = new HashMap<>();
        invoices.forEach((customer, list) -> {
            if (purchaseDays(customer).isEmpty()) {
                return;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (Invoice invoice : list.values()) {
                if (invoice.day.isAfter(valueFrom)) {
                    sum = sum.add(invoice.purchased).subtract(invoice.returned);
                }
            }
            value.put(customer, sum);
        });
        List<String> ranked = value.keySet().stream()
                .sorted(Comparator.comparing((String c) -> value.get(c)).reversed())
                .limit(top)
                .toList();
        List<String> candidates = new ArrayList<>();
        for (String customer : ranked) {
            Set<String> seen = new HashSet<>();
            boolean addOn = false;
            for (Map.Entry<LocalDate, Set<String>> day : purchaseDays(customer).entrySet()) {
                if (!seen.isEmpty()
                        && !seen.containsAll(day.getValue())
                        && day.getKey().isAfter(addOnFrom)) {
                    addOn = true;
                }
                seen.addAll(day.getValue());
            }
            if (!addOn) {
                candidates.add(customer);
            }
        }
        return candidates;
    }

    BigDecimal spend(String customer) {
        LocalDate valueFrom = lastDay.minusDays(365);
        BigDecimal sum = BigDecimal.ZERO;
        for (Invoice invoice : invoices.get(customer).values()) {
            if (invoice.day.isAfter(valueFrom)) {
                sum = sum.add(invoice.purchased).subtract(invoice.returned);
            }
        }
        return sum;
    }

    /** The customers with a purchase. */
    Set<String> customers() {
        Set<String> customers = new TreeSet<>();
        invoices.keySet().stream()
                .filter(customer -> !purchaseDays(customer).isEmpty())
                .forEach(customers::add);
        return customers;
    }

    /** The days the customer bought products on, oldest first. */
    List<LocalDate> purchaseDayList(String customer) {
        return new ArrayList<>(purchaseDays(customer).keySet());
    }

    /** Net spend on products of a customer's invoices within the days given, inclusive. */
    BigDecimal net(String customer, LocalDate from, LocalDate to) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Invoice invoice : invoices.get(customer).values()) {
            if (!invoice.day.isBefore(from) && !invoice.day.isAfter(to)) {
                sum = sum.add(invoice.purchased).subtract(invoice.returned);
            }
        }
        return sum;
    }

    /** Invoices of a customer within the days given on which they bought products. */
    int purchaseInvoices(String customer, LocalDate from, LocalDate to) {
        int count = 0;
        for (Invoice invoice : invoices.get(customer).values()) {
            if (!invoice.day.isBefore(from) && !invoice.day.isAfter(to) && invoice.purchased.signum() > 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * The customers whose invoices to a country within the days given came to at least a net spend and included a
     * purchase of the category, the highest spend first.
     */
    List<String> select(LocalDate from, LocalDate to, String country, String category, BigDecimal minValue) {
        Map<String, BigDecimal> value = new HashMap<>();
        Set<String> bought = new HashSet<>();
        invoices.forEach((customer, list) -> list.values().forEach(invoice -> {
            if (invoice.day.isBefore(from) || invoice.day.isAfter(to) || !invoice.country.equals(country)) {
                return;
            }
            value.merge(customer, invoice.purchased.subtract(invoice.returned), BigDecimal::add);
            if (invoice.families.contains(category)) {
                bought.add(customer);
            }
        }));
        return value.keySet().stream()
                .filter(bought::contains)
                .filter(customer -> value.get(customer).compareTo(minValue) >= 0)
                .sorted(Comparator.comparing((String c) -> value.get(c)).reversed())
                .toList();
    }

    /** The stock codes of a category sold in the days after {@code from} up to {@code to}, the most units first. */
    List<Map.Entry<String, Long>> sold(String category, LocalDate from, LocalDate to) {
        Map<String, Long> units = new HashMap<>();
        unitsSold.forEach((day, byCode) -> {
            if (day.isAfter(from) && !day.isAfter(to)) {
                byCode.forEach((code, quantity) -> {
                    if (!NON_PRODUCT.contains(code)
                            && !code.startsWith("GIFT_0001_")
                            && family(code).equals(category)) {
                        units.merge(code, quantity, Long::sum);
                    }
                });
            }
        });
        return units.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }
}
