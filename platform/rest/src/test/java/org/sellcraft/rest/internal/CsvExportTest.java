package org.sellcraft.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.sales.SalesTypes;

class CsvExportTest {

    @Test
    void textThatASpreadsheetWouldRunIsNeutralisedAndNumbersAreLeftAlone() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("sku", "=HYPERLINK(\"http://evil\",\"x\")");
        fields.put("name", "@SUM(A1)");
        fields.put("category", "-2+3");
        fields.put("series", "\tTab");
        fields.put("listPrice", new BigDecimal("-5.5"));
        Record product = new Record("product", "p1", 3, Instant.EPOCH, Instant.EPOCH, fields);
        var type = SalesTypes.all().stream()
                .filter(t -> t.name().equals("product"))
                .findFirst()
                .orElseThrow();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvExport.of(type, List.of(product)).write(out);

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("\uFEFFid,version,sku,name,category,series,listPrice", lines.get(0));
        assertEquals("p1,3,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'@SUM(A1),'-2+3,'\tTab,-5.5", lines.get(1));
    }

    @Test
    void onlyPlainTextIsLeftAsItIs() {
        assertEquals("Acme Corporation", CsvExport.neutralise("Acme Corporation"));
        assertEquals("'+86 138", CsvExport.neutralise("+86 138"));
        assertEquals("'\rx", CsvExport.neutralise("\rx"));
        assertEquals("", CsvExport.neutralise(""));
    }
}
