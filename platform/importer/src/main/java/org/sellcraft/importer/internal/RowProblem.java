package org.sellcraft.importer.internal;

/**
 * Why one row cannot be imported: the column at fault, its value and the reason. Thrown often on bad files, so it
 * carries no stack trace.
 */
final class RowProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final String column;
    private final String value;

    RowProblem(String column, String value, String reason) {
        super(reason, null, false, false);
        this.column = column;
        this.value = value;
    }

    String column() {
        return column;
    }

    String value() {
        return value;
    }

    String reason() {
        return getMessage();
    }
}
