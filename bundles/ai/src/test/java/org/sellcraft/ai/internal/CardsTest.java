package org.sellcraft.ai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sellcraft.ai.internal.TaskCard.Input;
import org.sellcraft.ai.internal.TaskCard.Output;
import org.sellcraft.ai.internal.TaskCard.Step;
import org.sellcraft.api.service.ValidationException;

/** Cards people write are validated when saved and scored for clarity. */
class CardsTest {

    private static TaskCard card(List<Input> inputs, List<Step> steps, String template, List<String> checks) {
        return new TaskCard(
                "lapsed-buyers",
                "renewal",
                "Lapsed buyers",
                "流失买家",
                inputs,
                steps,
                template,
                "Write one text per customer with the customer's last categories and the date of the last purchase.",
                new Output(List.of("customer", "text"), 0, 0),
                checks,
                "anna");
    }

    private static TaskCard valid() {
        return card(
                List.of(new Input("customer", "customer", true, null)),
                List.of(new Step("customer", Map.of("customer", "$customer")), new Step("categories-bought", Map.of())),
                "fact-sheet",
                List.of("item-count", "required-fields", "grounding"));
    }

    @Test
    void aWellFormedCardPassesAndScoresEveryPart() {
        Cards.validate(valid());
        assertEquals(100, Cards.clarity(valid()));
    }

    @Test
    void theBuiltInCardsAreValidAndClear() {
        for (TaskCard card : BuiltInCards.all()) {
            Cards.validate(card);
        }
        assertEquals(100, Cards.clarity(BuiltInCards.renewal()));
        assertEquals(92, Cards.clarity(BuiltInCards.visitNotes()), "its instruction names no output field");
    }

    @Test
    void aVagueCardScoresLow() {
        TaskCard vague = new TaskCard(
                "vague-card",
                "custom",
                "Something",
                "随便",
                List.of(new Input("region", "region", false, null)),
                List.of(new Step("addon-candidates", Map.of())),
                "fact-sheet",
                "Write something.",
                new Output(List.of("text"), 1, 0),
                List.of("grounding"),
                "anna");
        Cards.validate(vague);
        // inputs 0 (region unused), output 10 (one field, fixed count), checks 8, specificity 0
        assertEquals(18, Cards.clarity(vague));
    }

    @Test
    void anUnknownStepIsRefusedNamingIt() {
        TaskCard card =
                card(List.of(), List.of(new Step("crystal-ball", Map.of())), "fact-sheet", List.of("grounding"));
        ValidationException error = assertThrows(ValidationException.class, () -> Cards.validate(card));
        assertEquals("steps[0].step", error.field());
        assertEquals("crystal-ball", error.value());
    }

    @Test
    void aParameterThatNamesNoInputIsRefused() {
        TaskCard card = card(
                List.of(),
                List.of(new Step("customer", Map.of("customer", "$client"))),
                "fact-sheet",
                List.of("grounding"));
        ValidationException error = assertThrows(ValidationException.class, () -> Cards.validate(card));
        assertEquals("Field 'steps[0].params.customer': names no declared input (value '$client')", error.getMessage());
    }

    @Test
    void aCardWithoutTheGroundingCheckIsRefused() {
        TaskCard card = card(
                List.of(new Input("customer", "customer", true, null)),
                List.of(new Step("customer", Map.of("customer", "$customer"))),
                "fact-sheet",
                List.of("item-count"));
        ValidationException error = assertThrows(ValidationException.class, () -> Cards.validate(card));
        assertEquals("checks", error.field());
        assertEquals("every card checks grounding: add 'grounding'", error.reason());
    }

    @Test
    void anUnknownTemplateOrInputKindIsRefused() {
        TaskCard template =
                card(List.of(), List.of(new Step("addon-candidates", Map.of())), "sonnet", List.of("grounding"));
        assertEquals(
                "template",
                assertThrows(ValidationException.class, () -> Cards.validate(template))
                        .field());
        TaskCard kind = card(
                List.of(new Input("when", "moment", false, null)),
                List.of(new Step("addon-candidates", Map.of())),
                "fact-sheet",
                List.of("grounding"));
        assertEquals(
                "inputs[0].kind",
                assertThrows(ValidationException.class, () -> Cards.validate(kind))
                        .field());
    }

    @Test
    void aCardReadsBackFromItsJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        TaskCard back = json.readValue(json.writeValueAsString(valid()), TaskCard.class);
        assertEquals(valid(), back);
    }
}
