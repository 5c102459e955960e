package org.sellcraft.security.internal;

/**
 * Masks personal details so that a record stays recognisable without revealing them: {@code j***@example.com},
 * {@code 138****5678}, {@code Z***}.
 */
final class Masks {

    private Masks() {}

    static Object mask(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        int at = text.indexOf('@');
        if (at > 0) {
            return text.charAt(0) + "***" + text.substring(at);
        }
        if (text.replaceAll("[^0-9]", "").length() >= 7) {
            return text.substring(0, 3) + "****" + text.substring(text.length() - 4);
        }
        return text.isEmpty() ? text : text.charAt(0) + "***";
    }
}
