package org.sellcraft.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sellcraft.api.record.FieldKind;

class ValueFormatTest {

    private static Object read(String format, String text) {
        return ValueFormat.parse(format).read(text);
    }

    @Test
    void commonDateFormsAreRecognised() {
        LocalDate march1 = LocalDate.of(2017, 3, 1);
        for (String text : new String[] {
            "2017-03-01",
            "2017-3-1",
            "3/1/2017",
            "3/1/17",
            "1-Mar-17",
            "01-MAR-2017",
            "2017/3/1",
            "1.3.2017",
            "2017年3月1日",
            "20170301",
            "2017-03-01 00:00:00",
            "3/1/2017 0:00"
        }) {
            assertEquals(march1, read("date", text), text);
        }
    }

    @Test
    void dateTimesWithoutAnOffsetAreTakenAsUtc() {
        Instant expected = Instant.parse("2011-12-09T12:50:00Z");

        assertEquals(expected, read("datetime", "2011-12-09 12:50:00"));
        assertEquals(expected, read("datetime", "12/9/2011 12:50"));
        assertEquals(expected, read("datetime", "12/9/2011 12:50 PM"));
        assertEquals(expected, read("datetime", "2011-12-09T13:50:00+01:00"));
        assertEquals(expected, read("datetime:yyyy-MM-dd HH:mm:ss", "2011-12-09 12:50:00"));
        assertEquals(expected, read("datetime:dd.MM.yyyy HH:mm", "09.12.2011 12:50"));
    }

    @Test
    void impossibleDatesAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> read("date", "2017-02-30"));

        assertEquals(
                "not a date in a known form (for example 2017-03-01, 3/1/2017, 1-Mar-17 or 2017/3/1)",
                error.getMessage());
        assertEquals(
                "not a date of the form 'dd.MM.yyyy'",
                assertThrows(IllegalArgumentException.class, () -> read("date:dd.MM.yyyy", "2017-03-01"))
                        .getMessage());
    }

    @Test
    void idsWrittenAsFloatsLoseTheirZeroFraction() {
        assertEquals("17850", read("id", "17850.0"));
        assertEquals("17850", read("id", "17850"));
        assertEquals(
                "not a whole number",
                assertThrows(IllegalArgumentException.class, () -> read("id", "17850.5"))
                        .getMessage());
    }

    @Test
    void flagsComeFromPrefixesSignsAndWords() {
        assertEquals(true, read("startsWith:C", "C536379"));
        assertEquals(false, read("startsWith:C", "536365"));
        assertEquals(true, read("negative", "-6"));
        assertEquals(false, read("negative", "0"));
        assertEquals(true, read("boolean", "Yes"));
        assertEquals(false, read("boolean", "否"));
    }

    @Test
    void numbersAreReadExactly() {
        assertEquals(12L, read("integer", "12.0"));
        assertEquals(new BigDecimal("1100.04"), read("decimal", "1100.04"));
        assertEquals(new BigDecimal("550"), ValueFormat.fit(read("integer", "550"), FieldKind.DECIMAL));
        assertEquals(
                "not a whole number",
                assertThrows(IllegalArgumentException.class, () -> read("integer", "1.5"))
                        .getMessage());
    }
}
