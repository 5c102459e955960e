package org.sellcraft.ai.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How figures are written into facts, so that the same figure reads the same in facts and in outputs. */
final class Numbers {

    private Numbers() {}

    /** Money with two decimals: {@code 4310.00}. */
    static String money(Object value) {
        BigDecimal decimal = value instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(value));
        return decimal.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A figure without needless decimals: {@code 56} rather than {@code 56.0}, else one decimal. */
    static String plain(double value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
