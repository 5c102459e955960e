package org.sellcraft.api.automation;

/** A rule's condition does not parse or uses something the sandbox does not allow; nothing was saved. */
public class RuleSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /**
     * @param message what is wrong, naming the position
     * @param line the line of the error, from 1
     * @param column the column of the error, from 1
     */
    public RuleSyntaxException(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
