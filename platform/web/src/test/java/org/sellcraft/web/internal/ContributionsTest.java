package org.sellcraft.web.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;

class ContributionsTest {

    private static Caller withRoles(String... roles) {
        return new Caller("u1", "someone", Set.of(roles));
    }

    @Test
    void aPageWithRolesIsShownOnlyToThoseRoles() {
        var admin = CorePages.PAGES.stream()
                .filter(p -> p.id().equals("admin"))
                .findFirst()
                .orElseThrow();

        assertTrue(Contributions.isVisible(admin, withRoles(Roles.ADMIN)));
        assertFalse(Contributions.isVisible(admin, withRoles(Roles.REP)));
    }

    @Test
    void aPageWithoutRolesIsShownToEverySignedInUser() {
        var open = new CorePages.CorePage("news", "News", "新闻", "list", 50, Set.of());

        assertTrue(Contributions.isVisible(open, withRoles(Roles.DEALER)));
    }

    @Test
    void repsSeeTheSalesPagesButNotImportOrAdministration() {
        Caller rep = withRoles(Roles.REP);

        var visible = CorePages.PAGES.stream()
                .filter(p -> Contributions.isVisible(p, rep))
                .map(p -> p.id())
                .toList();

        assertTrue(visible.containsAll(java.util.List.of("dashboard", "customers", "opportunities")));
        assertFalse(visible.contains("import"));
        assertFalse(visible.contains("admin"));
    }
}
