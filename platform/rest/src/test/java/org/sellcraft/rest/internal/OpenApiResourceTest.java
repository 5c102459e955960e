package org.sellcraft.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sellcraft.core.internal.CoreRecordTypes;

class OpenApiResourceTest {

    @Test
    void everyCollectionIsDescribedWithItsCsvAndExcelExports() {
        Map<String, Object> document = new OpenApiResource(new CoreRecordTypes()).document();

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) document.get("paths");
        for (String collection : new String[] {"accounts", "orders", "stores", "stock"}) {
            assertTrue(paths.containsKey("/api/v1/" + collection), collection);
            assertTrue(paths.containsKey("/api/v1/" + collection + "/export.csv"), collection);
            Map<?, ?> xlsx = paths.get("/api/v1/" + collection + "/export.xlsx").get("get");
            Map<?, ?> ok = (Map<?, ?>) ((Map<?, ?>) xlsx.get("responses")).get("200");
            assertEquals(java.util.Set.of(XlsxExport.MEDIA_TYPE), ((Map<?, ?>) ok.get("content")).keySet());
        }
    }
}
