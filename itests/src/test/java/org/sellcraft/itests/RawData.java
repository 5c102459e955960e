package org.sellcraft.itests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Figures computed straight from the raw files in the shared data folder, without any Sellcraft code, so that
 * what the platform reports can be checked against them.
 */
final class RawData {

    private RawData() {}

    static Path dataset(String relative) {
        return Paths.get(System.getProperty("sellcraft.data", "../../shared/data"))
                .resolve(relative);
    }

    static Path pipelineFile() {
        return dataset("maven-crm/sales_pipeline.csv");
    }

    static Path retailFile() {
        return dataset("uci-online-retail/online_retail.csv.gz");
    }

    /** Won close value per sales agent, from sales_pipeline.csv. */
    static Map<String, BigDecimal> wonValueByAgent() throws IOException {
        Map<String, BigDecimal> won = new TreeMap<>();
        for (CSVRecord row : read(Files.newBufferedReader(pipelineFile(), StandardCharsets.UTF_8))) {
            if (row.get("deal_stage").equals("Won")) {
                won.merge(row.get("sales_agent"), new BigDecimal(row.get("close_value")), BigDecimal::add);
            }
        }
        return won;
    }

    /** Every row of one of the CRM files, by its header names. */
    static List<CSVRecord> crmRows(String file) throws IOException {
        List<CSVRecord> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(dataset("maven-crm/" + file), StandardCharsets.UTF_8)) {
            read(reader).forEach(rows::add);
        }
        return rows;
    }

    /** How many distinct values a column of a CRM file holds. */
    static long distinctCrmValues(String file, String column) throws IOException {
        return crmRows(file).stream().map(row -> row.get(column)).distinct().count();
    }

    /** The stock codes that the health engine's default settings say are not products. */
    private static final Set<String> NON_PRODUCT_CODES =
            Set.of("POST", "DOT", "M", "C2", "D", "S", "B", "BANK CHARGES", "AMAZONFEE", "CRUK");

    /**
     * The retail customers with at least one purchase: a line of an invoice that is not a cancellation, with a
     * positive quantity of a product (postage, fees and gift vouchers are not products).
     */
    static long customersWithPurchases() throws IOException {
        Set<String> customers = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(retailFile())), StandardCharsets.UTF_8))) {
            for (CSVRecord row : read(reader)) {
                String customer = row.get("CustomerID").replace(".0", "");
                String code = row.get("StockCode").trim().toUpperCase(java.util.Locale.ROOT);
                boolean product =
                        !code.isEmpty() && !NON_PRODUCT_CODES.contains(code) && !code.startsWith("GIFT_0001_");
                if (!customer.isEmpty()
                        && !row.get("InvoiceNo").startsWith("C")
                        && Long.parseLong(row.get("Quantity")) > 0
                        && product) {
                    customers.add(customer);
                }
            }
        }
        return customers.size();
    }

    /** Facts of the retail file that the tests compare against. */
    record RetailFacts(
            long lines,
            int invoices,
            int customers,
            long cancellationLines,
            long negativeLines,
            Map<String, List<String>> invoicesByCustomer) {}

    static RetailFacts retail() throws IOException {
        long lines = 0;
        long cancellationLines = 0;
        long negativeLines = 0;
        Set<String> invoices = new HashSet<>();
        Map<String, List<String>> invoicesByCustomer = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(retailFile())), StandardCharsets.UTF_8))) {
            for (CSVRecord row : read(reader)) {
                lines++;
                String invoice = row.get("InvoiceNo");
                invoices.add(invoice);
                if (invoice.startsWith("C")) {
                    cancellationLines++;
                }
                if (Long.parseLong(row.get("Quantity")) < 0) {
                    negativeLines++;
                }
                String customer = row.get("CustomerID").replace(".0", "");
                if (!customer.isEmpty()) {
                    List<String> ofCustomer = invoicesByCustomer.computeIfAbsent(customer, c -> new ArrayList<>());
                    if (!ofCustomer.contains(invoice)) {
                        ofCustomer.add(invoice);
                    }
                }
            }
        }
        return new RetailFacts(
                lines,
                invoices.size(),
                invoicesByCustomer.size(),
                cancellationLines,
                negativeLines,
                invoicesByCustomer);
    }

    /** The day of the retail file's last invoice line. */
    static LocalDate lastRetailDay() throws IOException {
        return lastDay(row -> true);
    }

    /** The day of a customer's last invoice that is not a cancellation. */
    static LocalDate lastPurchaseDay(String customer) throws IOException {
        return lastDay(row -> row.get("CustomerID").replace(".0", "").equals(customer)
                && !row.get("InvoiceNo").startsWith("C"));
    }

    private static LocalDate lastDay(Predicate<CSVRecord> counted) throws IOException {
        LocalDate last = LocalDate.MIN;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(retailFile())), StandardCharsets.UTF_8))) {
            for (CSVRecord row : read(reader)) {
                if (counted.test(row)) {
                    LocalDate day = LocalDate.parse(row.get("InvoiceDate").substring(0, 10));
                    last = day.isAfter(last) ? day : last;
                }
            }
        }
        return last;
    }

    /** Lines per invoice number among the first rows of the retail file. */
    static Map<String, Integer> linesByInvoiceInFirstRows(long rows) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        forFirstRows(rows, row -> lines.merge(row.get("InvoiceNo"), 1, Integer::sum));
        return lines;
    }

    /** The customer numbers among the first rows of the retail file. */
    static Set<String> customersInFirstRows(long rows) throws IOException {
        Set<String> customers = new HashSet<>();
        forFirstRows(rows, row -> {
            String customer = row.get("CustomerID").replace(".0", "");
            if (!customer.isEmpty()) {
                customers.add(customer);
            }
        });
        return customers;
    }

    private static void forFirstRows(long rows, java.util.function.Consumer<CSVRecord> consumer) throws IOException {
        long seen = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(retailFile())), StandardCharsets.UTF_8))) {
            for (CSVRecord row : read(reader)) {
                if (seen++ == rows) {
                    return;
                }
                consumer.accept(row);
            }
        }
    }

    private static Iterable<CSVRecord> read(java.io.Reader reader) throws IOException {
        return CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(reader);
    }
}
