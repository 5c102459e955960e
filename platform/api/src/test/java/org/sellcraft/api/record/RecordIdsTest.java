package org.sellcraft.api.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordIdsTest {

    @Test
    void idsAreTheNameBasedUuidsOfTypeAndKeySoStoredRecordsKeepTheirIds() {
        for (List<?> key : List.of(List.of("536365"), List.of("C536379", 3L), List.of("上海"), List.of(""))) {
            StringBuilder name = new StringBuilder("order");
            key.forEach(value -> name.append('\u0000').append(value));
            UUID expected = UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));

            assertEquals(expected.toString(), RecordIds.fromKey("order", key), key.toString());
        }
    }

    @Test
    void theSameKeyOfAnotherTypeIsAnotherRecord() {
        assertEquals(RecordIds.fromKey("account", "17850"), RecordIds.fromKey("account", List.of("17850")));
        assertNotEquals(RecordIds.fromKey("account", "17850"), RecordIds.fromKey("product", "17850"));
    }
}
