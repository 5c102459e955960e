package org.sellcraft.ai.internal;

import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.web.WebContribution;

/** The AI tasks page of the web console: run cards, sign outputs off, and the team view for managers. */
@Component(service = WebContribution.class)
public class AiPage implements WebContribution {

    @Override
    public String id() {
        return "ai";
    }

    @Override
    public Map<String, String> labels() {
        return Map.of("en", "AI tasks", "zh-CN", "AI 任务");
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.ADMIN, Roles.MANAGER, Roles.REP);
    }

    @Override
    public String resourceFolder() {
        return "/web/ai";
    }

    @Override
    public String icon() {
        return "list";
    }

    @Override
    public int order() {
        return 45;
    }
}
