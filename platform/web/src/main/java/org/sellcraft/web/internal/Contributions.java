package org.sellcraft.web.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.web.WebContribution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console pages that exist right now: every {@link WebContribution} service of every bundle, with the bundle
 * that serves its files. A page is here exactly while its service is registered.
 */
@Component(service = Contributions.class)
public class Contributions {

    private static final Logger LOG = LoggerFactory.getLogger(Contributions.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** A page and the bundle its files come from. */
    record Page(WebContribution contribution, Bundle bundle, long serviceId) {

        String id() {
            return contribution.id();
        }
    }

    private final Map<Long, Page> pages = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addContribution(WebContribution contribution, ServiceReference<WebContribution> reference) {
        String id = contribution.id();
        if (id == null || !ID.matcher(id).matches()) {
            LOG.warn(
                    "Ignoring the console page of bundle '{}': its id '{}' is not lower-case letters, digits"
                            + " and dashes",
                    reference.getBundle().getSymbolicName(),
                    id);
            return;
        }
        long serviceId = (Long) reference.getProperty(org.osgi.framework.Constants.SERVICE_ID);
        pages.put(serviceId, new Page(contribution, reference.getBundle(), serviceId));
        LOG.debug(
                "Console page '{}' added by bundle '{}'",
                id,
                reference.getBundle().getSymbolicName());
    }

    void removeContribution(WebContribution contribution, ServiceReference<WebContribution> reference) {
        pages.remove((Long) reference.getProperty(org.osgi.framework.Constants.SERVICE_ID));
        LOG.debug("Console page '{}' removed", contribution.id());
    }

    /** Returns the page with this id; when two bundles claim one id, the one registered first wins. */
    Optional<Page> byId(String id) {
        return pages.values().stream()
                .filter(page -> page.id().equals(id))
                .min(Comparator.comparingLong(Page::serviceId));
    }

    /** Returns the pages the caller may see, in menu order, each id once. */
    List<Page> visibleTo(Caller caller) {
        List<Page> visible = new ArrayList<>();
        pages.values().stream()
                .sorted(Comparator.comparingLong(Page::serviceId))
                .filter(page -> isVisible(page.contribution(), caller))
                .forEach(page -> {
                    if (visible.stream().noneMatch(other -> other.id().equals(page.id()))) {
                        visible.add(page);
                    }
                });
        visible.sort(Comparator.comparingInt((Page page) -> page.contribution().order())
                .thenComparing(Page::id));
        return visible;
    }

    static boolean isVisible(WebContribution contribution, Caller caller) {
        return contribution.roles() == null
                || contribution.roles().isEmpty()
                || contribution.roles().stream().anyMatch(caller::hasRole);
    }
}
