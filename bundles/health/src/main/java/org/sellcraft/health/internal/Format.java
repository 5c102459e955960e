package org.sellcraft.health.internal;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Numbers as the sentences show them: amounts with two decimals and separators, days and rates rounded. */
final class Format {

    private Format() {}

    static String money(double amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }

    /** A count or an average: whole numbers without decimals, others with one. */
    static String number(double value) {
        if (Math.abs(value - Math.rint(value)) < 0.05) {
            return Long.toString(Math.round(value));
        }
        return new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    static String percent(double rate) {
        return number(rate * 100) + "%";
    }

    static String list(List<Integer> values, String separator) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(separator));
    }
}
