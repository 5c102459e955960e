package org.sellcraft.ecosystem.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The raw partner files, read with a plain CSV parser for counts independent of the importer and the engine. */
final class PartnerData {

    static final Path DATA = Path.of(System.getProperty("sellcraft.data", "../../../shared/data"));
    static final Path SELLERS = DATA.resolve("olist/olist_sellers_dataset.csv");
    static final Path ITEMS = DATA.resolve("olist-orders/olist_order_items_dataset.csv");
    static final Path ORDERS = DATA.resolve("olist-orders/olist_orders_dataset.csv");
    static final Path REVIEWS = DATA.resolve("olist-orders/olist_order_reviews_dataset.csv");
    static final Path SCMS = DATA.resolve("scms-delivery/SCMS_Delivery_History_Dataset.csv");

    private PartnerData() {}

    /** Every row as a map by header; a BOM before the first header is dropped. */
    static List<Map<String, String>> rows(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
                rows.add(row.toMap());
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
