package org.sellcraft.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The peers: the same retail file loaded into SQLite and into DuckDB through JDBC. */
final class PeerLoads {

    static final int COMMIT_EVERY = 10_000;

    private PeerLoads() {}

    /**
     * SQLite at the durability Sellcraft promises: WAL journal, a full sync on every commit, a commit every 10,000
     * rows, each row parsed by the same CSV parser the importer uses.
     */
    static long sqlite(Path retail, Path folder) throws IOException, SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("retail.sqlite"))) {
            try (Statement setup = db.createStatement()) {
                setup.execute("PRAGMA journal_mode=WAL");
                setup.execute("PRAGMA synchronous=FULL");
                setup.execute(
                        "CREATE TABLE retail (invoice_no TEXT, stock_code TEXT, description TEXT, quantity INTEGER,"
                                + " invoice_date TEXT, unit_price REAL, customer_id TEXT, country TEXT)");
            }
            db.setAutoCommit(false);
            long rows = 0;
            try (BufferedReader reader = gzipReader(retail);
                    PreparedStatement insert = db.prepareStatement("INSERT INTO retail VALUES (?,?,?,?,?,?,?,?)")) {
                for (CSVRecord row : CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(reader)) {
                    insert.setString(1, row.get(0));
                    insert.setString(2, row.get(1));
                    insert.setString(3, row.get(2));
                    insert.setLong(4, Long.parseLong(row.get(3)));
                    insert.setString(5, row.get(4));
                    insert.setDouble(6, Double.parseDouble(row.get(5)));
                    insert.setString(7, row.get(6));
                    insert.setString(8, row.get(7));
                    insert.executeUpdate();
                    if (++rows % COMMIT_EVERY == 0) {
                        db.commit();
                    }
                }
            }
            db.commit();
            return rows;
        }
    }

    /** DuckDB with its own CSV reader, the way DuckDB users load a file, then a checkpoint to disk. */
    static long duckdb(Path retail, Path folder) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + folder.resolve("retail.duckdb"));
                Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE retail AS SELECT * FROM read_csv('" + retail + "', header = true)");
            sql.execute("CHECKPOINT");
            try (ResultSet count = sql.executeQuery("SELECT count(*) FROM retail")) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    private static BufferedReader gzipReader(Path file) throws IOException {
        return new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8),
                1 << 16);
    }
}
