package org.sellcraft.examples.products;

import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.web.WebContribution;

/**
 * The product catalogue as a page of the web console. Registering this service is all it takes: the console lists
 * the page in its menu while this bundle runs and serves the page's script from {@code /web/products} in it.
 */
@Component(service = WebContribution.class)
public class ProductsPage implements WebContribution {

    @Override
    public String id() {
        return "products";
    }

    @Override
    public Map<String, String> labels() {
        return Map.of("en", "Products", "zh-CN", "产品目录");
    }

    @Override
    public Set<String> roles() {
        return Set.of(Roles.ADMIN, Roles.MANAGER, Roles.REP, Roles.ANALYST);
    }

    @Override
    public String resourceFolder() {
        return "/web/products";
    }

    @Override
    public String icon() {
        return "chart";
    }

    @Override
    public int order() {
        return 40;
    }
}
