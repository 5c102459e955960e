package org.sellcraft.automation.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sellcraft.api.automation.ActionHandler;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordService;

/**
 * Attaches a document or a learning pack ({@code attached-document}, served under {@code attached-documents}) for
 * a partner organisation, a user or a role. Parameters: {@code title} (required), {@code kind} ({@code document} or
 * {@code learning-pack}), {@code link} (an http or https address), {@code text}, and {@code partner}, {@code user}
 * or {@code role}.
 */
@Component(service = ActionHandler.class)
public class AttachDocumentAction implements EvaluationAction {

    static final String TYPE = "attach-document";

    private final RecordService records;
    private final Clock clock;

    @Activate
    public AttachDocumentAction(@Reference RecordService records) {
        this(records, Clock.systemUTC());
    }

    AttachDocumentAction(RecordService records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void check(Map<String, String> parameters) {
        if (parameters.getOrDefault("title", "").isBlank()) {
            throw new IllegalArgumentException(TYPE + " needs a 'title'");
        }
        Recipients.check(TYPE, parameters, true);
        String kind = parameters.getOrDefault("kind", "document");
        if (!kind.equals("document") && !kind.equals("learning-pack")) {
            throw new IllegalArgumentException(TYPE + " needs 'kind' document or learning-pack; got '" + kind + "'");
        }
        String link = parameters.get("link");
        if (link != null && !link.contains("{")) {
            WebhookAction.checkUrl(TYPE, "link", link);
        }
    }

    @Override
    public String perform(Map<String, String> parameters, Context context, boolean dryRun) {
        String title = Recipients.value(parameters, "title");
        String partner = Recipients.value(parameters, "partner");
        String user = Recipients.value(parameters, "user");
        String role = Recipients.value(parameters, "role");
        if (title == null || (partner == null && user == null && role == null)) {
            throw new IllegalArgumentException("the document's title or recipient is empty for these facts");
        }
        String kind = parameters.getOrDefault("kind", "document");
        String to = partner != null ? "partner " + partner : user != null ? "user " + user : "role " + role;
        String line = "attach " + kind + " '" + title + "' for " + to;
        if (dryRun) {
            return line;
        }
        String link = Recipients.value(parameters, "link");
        if (link != null) {
            WebhookAction.checkUrl(TYPE, "link", link);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", title);
        document.put("kind", kind);
        document.put("link", link);
        document.put("text", Recipients.value(parameters, "text"));
        document.put("partnerId", partner);
        document.put("assigneeUser", user);
        document.put("assigneeRole", role);
        document.put("attachedAt", clock.instant());
        document.put("ruleId", context.ruleId());
        document.put("subject", context.subject());
        records.create(Caller.system(), ActionRecords.DOCUMENT, document);
        return line;
    }
}
