package org.sellcraft.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sellcraft.api.record.FieldClass;
import org.sellcraft.api.security.Action;
import org.sellcraft.api.security.RecordScope;
import org.sellcraft.api.security.RolePolicy;
import org.sellcraft.api.security.Roles;

class DefaultPoliciesTest {

    private static final List<String> PARTNER_ROLES =
            List.of(Roles.DEALER, Roles.SERVICE_PROVIDER, Roles.LOGISTICS, Roles.SUPPLIER, Roles.CONTRACTOR);

    private final Map<String, RolePolicy> byRole =
            DefaultPolicies.all().stream().collect(Collectors.toMap(RolePolicy::role, Function.identity()));

    @Test
    void everyRoleHasAPolicy() {
        assertEquals(Roles.ALL.size(), byRole.size());
        assertEquals(
                Roles.ALL.stream().sorted().toList(),
                byRole.keySet().stream().sorted().toList());
    }

    @Test
    void partnersSeeTheirOwnRecordsWithoutCostPricesAndOnlyServiceProvidersWriteWorkOrders() {
        for (String role : PARTNER_ROLES) {
            RolePolicy policy = byRole.get(role);
            assertEquals(RecordScope.PARTNER, policy.scopeOf("delivery"), role);
            assertTrue(policy.hiddenFields().contains(FieldClass.SECRET), role);
            assertTrue(policy.allows("contract", Action.READ), role);
            assertFalse(policy.allows("contract", Action.UPDATE), role);
            assertFalse(policy.allows("contract", Action.CREATE), role);
            boolean provider = role.equals(Roles.SERVICE_PROVIDER);
            assertEquals(provider, policy.allows(DefaultPolicies.WORK_ORDER, Action.CREATE), role);
            assertEquals(provider, policy.allows(DefaultPolicies.WORK_ORDER, Action.UPDATE), role);
            assertFalse(policy.allows(DefaultPolicies.WORK_ORDER, Action.DELETE), role);
        }
    }

    @Test
    void analystsReadEverythingButOtherPeoplesNotifications() {
        RolePolicy analyst = byRole.get(Roles.ANALYST);
        assertEquals(RecordScope.ALL, analyst.scopeOf("order"));
        assertEquals(RecordScope.NONE, analyst.scopeOf(DefaultPolicies.NOTIFICATION));
        assertFalse(analyst.allows("order", Action.UPDATE));
    }
}
