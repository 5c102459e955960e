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
    void oneItemPerCustomerWithoutAStepThatSelectsCustomersSetsNoItemCount() {
        TaskCard digest = new TaskCard(
                "notes-digest",
                "visit-follow-up",
                "Notes digest",
                "纪要摘要",
                List.of(new Input("customer", "customer", false, null), new Input("notes", "text", true, null)),
                List.of(new Step("notes", Map.of("text", "$notes"))),
                "fact-sheet",
                "Summarise the notes.",
                new Output(List.of("summary"), 0, 0),
                List.of("grounding"),
                "anna");
        Cards.validate(digest);
        // inputs 25 * 1/2 (the customer is used nowhere) = 12.5; output 0 (one field, one item per customer but no
        // step selects one); checks 25/3 for grounding; specificity 0 (short, names no field, one step): 20.83
        assertEquals(21, Cards.clarity(digest));
    }

    @Test
    void aSelectionCardWithoutTheRequiredFieldsCheckScoresTheRest() {
        TaskCard pitches = new TaskCard(
                "regional-pitches",
                "new-customer",
                "Regional pitches",
                "区域推荐",
                List.of(new Input("region", "region", true, null), new Input("category", "category", true, null)),
                List.of(
                        new Step("select-customers", Map.of("region", "$region", "category", "$category")),
                        new Step("products-in-stock", Map.of("category", "$category"))),
                "fact-sheet",
                "For every selected customer write one pitch that names a product in stock of the category and their"
                        + " spend.",
                new Output(List.of("customer", "pitch"), 0, 0),
                List.of("item-count", "grounding"),
                "anna");
        Cards.validate(pitches);
        // inputs 25 (both used); output 15 + 10 (one item per selected customer); checks 2 * 25/3 = 16.67;
        // specificity 10 (106 characters) + 8 (names 'pitch') + 7 (two steps): 91.67
        assertEquals(92, Cards.clarity(pitches));
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
