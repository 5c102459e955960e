package org.sellcraft.health.internal;

/**
 * What segment views need of an account.
 *
 * @param code the account's code
 * @param name its name
 * @param region its region's name (or id when the region is unknown)
 * @param owner its owner's name (or id)
 * @param segment its industry
 * @param country its country
 */
record AccountInfo(String code, String name, String region, String owner, String segment, String country) {

    static final AccountInfo UNKNOWN = new AccountInfo(null, null, null, null, null, null);
}
