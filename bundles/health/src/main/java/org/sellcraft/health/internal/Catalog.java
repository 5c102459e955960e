package org.sellcraft.health.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the engine knows of products: which stock codes are not products (postage, fees, vouchers) and which
 * category each product is in. A product without a category falls back to the family of its stock code, the part
 * before the variant: the first three digits of a numeric code ({@code 851} for {@code 85123A}), or the letters of
 * an alphabetic one ({@code DCGS} for {@code DCGSSGIRL}). That family is a proxy for a category, not a real one;
 * data that carries categories gets real ones.
 */
final class Catalog {

    private static final int FAMILY_DIGITS = 3;

    private final Map<String, String> categoryByProductId = new ConcurrentHashMap<>();
    private final Map<String, String> canonical = new ConcurrentHashMap<>();
    private final List<String> exactCodes;
    private final List<String> codePrefixes;

    /** @param nonProductCodes stock codes that are not products; a trailing {@code *} matches any ending */
    Catalog(List<String> nonProductCodes) {
        this.exactCodes = nonProductCodes.stream()
                .filter(code -> !code.endsWith("*"))
                .map(code -> code.toUpperCase(Locale.ROOT))
                .toList();
        this.codePrefixes = nonProductCodes.stream()
                .filter(code -> code.endsWith("*"))
                .map(code -> code.substring(0, code.length() - 1).toUpperCase(Locale.ROOT))
                .toList();
    }

    /** Whether a stock code is a product, rather than postage, a fee, a discount or a voucher. */
    boolean isProduct(String sku) {
        if (sku == null || sku.isBlank()) {
            return false;
        }
        String code = sku.trim().toUpperCase(Locale.ROOT);
        return !exactCodes.contains(code) && codePrefixes.stream().noneMatch(code::startsWith);
    }

    /** Records a product's category; a product without one is forgotten, so its code family applies. */
    void putProduct(String productId, String category) {
        if (category == null || category.isBlank()) {
            categoryByProductId.remove(productId);
        } else {
            categoryByProductId.put(productId, intern(category.trim()));
        }
    }

    void removeProduct(String productId) {
        categoryByProductId.remove(productId);
    }

    /** Returns the category of a line's product, else the family of its stock code. */
    String categoryOf(String productId, String sku) {
        String category = productId == null ? null : categoryByProductId.get(productId);
        return category != null ? category : intern(family(sku));
    }

    static String family(String sku) {
        String code = sku.trim().toUpperCase(Locale.ROOT);
        if (!code.isEmpty() && Character.isDigit(code.charAt(0))) {
            return code.substring(0, Math.min(FAMILY_DIGITS, code.length()));
        }
        int end = 0;
        while (end < code.length() && Character.isLetter(code.charAt(end))) {
            end++;
        }
        return end == 0 ? code : code.substring(0, end);
    }

    /** Many lines share few categories: one string instance each keeps the per-customer state small. */
    private String intern(String category) {
        return canonical.computeIfAbsent(category, c -> c);
    }
}
