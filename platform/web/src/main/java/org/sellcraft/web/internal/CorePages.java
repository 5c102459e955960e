package org.sellcraft.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.web.WebContribution;

/**
 * The console's own pages, contributed through the same service as any module's, so that the menu has one source.
 */
@Component(immediate = true)
public class CorePages {

    /** Roles that work with sales records. */
    private static final Set<String> SALES = Set.of(Roles.ADMIN, Roles.MANAGER, Roles.REP, Roles.ANALYST);

    static final List<WebContribution> PAGES = List.of(
            new CorePage("dashboard", "Home", "首页", "home", 10, SALES),
            new CorePage("customers", "Customers", "客户", "users", 20, SALES),
            new CorePage("opportunities", "Opportunities", "商机", "funnel", 30, SALES),
            new CorePage("import", "Import", "导入", "upload", 70, Set.of(Roles.ADMIN, Roles.MANAGER)),
            new CorePage("admin", "Administration", "系统管理", "settings", 90, Set.of(Roles.ADMIN)));

    private final List<ServiceRegistration<WebContribution>> registrations = new ArrayList<>();

    @Activate
    public CorePages(BundleContext context) {
        PAGES.forEach(page -> registrations.add(context.registerService(WebContribution.class, page, null)));
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    /** A page whose files live in this bundle under {@code /console/pages/<id>}. */
    record CorePage(String id, String english, String chinese, String icon, int order, Set<String> roles)
            implements WebContribution {

        @Override
        public Map<String, String> labels() {
            return Map.of("en", english, "zh-CN", chinese);
        }

        @Override
        public String resourceFolder() {
            return "/console/pages/" + id;
        }
    }
}
