package org.sellcraft.automation.internal;

import java.util.Map;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.MapContext;
import org.sellcraft.api.automation.RuleSyntaxException;

/**
 * Conditions in JEXL, locked down: comparisons, arithmetic, logic, the {@code =~} and {@code empty} operators and
 * the {@code time:} functions over the facts given. Loops, assignments, local variables, lambdas, {@code new},
 * method calls, pragmas and annotations are refused when the condition is parsed, and introspection sees only
 * {@link TimeFunctions}. Undefined facts are errors, not silent nulls.
 */
final class ExpressionSandbox {

    private static final JexlFeatures FEATURES = new JexlFeatures()
            .loops(false)
            .sideEffect(false)
            .sideEffectGlobal(false)
            .localVar(false)
            .lambda(false)
            .newInstance(false)
            .methodCall(false)
            .script(false)
            .pragma(false)
            .namespacePragma(false)
            .importPragma(false)
            .annotation(false)
            .structuredLiteral(false);

    private final JexlEngine jexl = new JexlBuilder()
            .features(FEATURES)
            .permissions(new SandboxPermissions())
            .namespaces(Map.of("time", TimeFunctions.class))
            .strict(true)
            .safe(false)
            .silent(false)
            .cache(4096)
            .create();

    /**
     * Parses a condition.
     *
     * @throws RuleSyntaxException naming the line and column when it does not parse or uses what is not allowed
     */
    JexlExpression compile(String condition) {
        if (condition == null || condition.isBlank()) {
            throw new RuleSyntaxException("The condition is empty; write one such as 'surveys >= 5'", 1, 1);
        }
        try {
            return jexl.createExpression(new JexlInfo("condition", 1, 1), condition);
        } catch (JexlException e) {
            JexlInfo info = e.getInfo();
            int line = info == null ? 1 : info.getLine();
            int column = info == null ? 1 : info.getColumn();
            throw new RuleSyntaxException(
                    "The condition does not parse at line " + line + ", column " + column + ": " + reason(e),
                    line,
                    column);
        }
    }

    /**
     * Evaluates a condition over facts.
     *
     * @throws IllegalStateException saying why, when a fact is missing or the result is not true or false
     */
    static boolean test(JexlExpression expression, Map<String, Object> facts) {
        Object result;
        try {
            result = expression.evaluate(new MapContext(facts));
        } catch (JexlException e) {
            throw new IllegalStateException(reason(e), e);
        }
        if (result instanceof Boolean bool) {
            return bool;
        }
        throw new IllegalStateException("The condition gave '" + result + "', not true or false");
    }

    private static String reason(JexlException e) {
        if (e instanceof JexlException.Variable variable) {
            return "the fact '" + variable.getVariable() + "' is not known";
        }
        Throwable cause = e.getCause();
        if (cause != null && !(cause instanceof JexlException) && cause.getMessage() != null) {
            return cause.getMessage();
        }
        String message = e.getMessage();
        int detail = message.indexOf(' ');
        return detail > 0 ? message.substring(detail + 1) : message;
    }
}
