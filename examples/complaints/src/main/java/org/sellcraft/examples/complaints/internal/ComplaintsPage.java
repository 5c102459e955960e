package org.sellcraft.examples.complaints.internal;

import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.web.WebContribution;

/** The complaint board as a page of the web console, served from {@code /web/complaints} in this bundle. */
@Component(service = WebContribution.class)
public class ComplaintsPage implements WebContribution {

    @Override
    public String id() {
        return "complaints";
    }

    @Override
    public Map<String, String> labels() {
        return Map.of("en", "Complaints", "zh-CN", "客户投诉");
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.ADMIN, Roles.MANAGER, Roles.REP, Roles.ANALYST);
    }

    @Override
    public String resourceFolder() {
        return "/web/complaints";
    }

    @Override
    public String icon() {
        return "heart";
    }

    @Override
    public int order() {
        return 45;
    }
}
