package org.sellcraft.api.importing;

/**
 * A row the import refused.
 *
 * @param line the line number in the file (the header is line 1)
 * @param column the column at fault, or {@code null} when the whole row is
 * @param value the offending value
 * @param reason why it was refused
 */
public record Rejection(long line, String column, String value, String reason) {}
