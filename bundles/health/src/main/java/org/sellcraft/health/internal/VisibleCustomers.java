package org.sellcraft.health.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sellcraft.api.health.HealthQuery;
import org.sellcraft.api.health.HealthScore;
import org.sellcraft.api.health.HealthService;
import org.sellcraft.api.sales.SalesTypes;
import org.sellcraft.api.security.AccessDeniedException;
import org.sellcraft.api.security.AccessPolicy;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.Page;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordService;

/**
 * The customers whose health one caller may see: those of the accounts the access policy shows them. The engine
 * scores every customer; a rep or manager must neither read nor count a score of an account outside their scope.
 */
final class VisibleCustomers {

    private static final int PAGE = 1000;

    private final Set<String> accounts;

    private VisibleCustomers(Set<String> accounts) {
        this.accounts = accounts;
    }

    /** Looks up the caller's accounts once; a caller who sees every account gets no filter at all. */
    static VisibleCustomers of(RecordService records, AccessPolicy policy, Caller caller) {
        if (seesAll(policy, caller)) {
            return new VisibleCustomers(null);
        }
        Set<String> accounts = new HashSet<>();
        records.forEach(caller, SalesTypes.ACCOUNT, account -> accounts.add(account.id()));
        return new VisibleCustomers(accounts);
    }

    /** Whether one customer is the caller's to see, without listing all of theirs. */
    static boolean includes(RecordService records, AccessPolicy policy, Caller caller, String accountId) {
        if (seesAll(policy, caller)) {
            return true;
        }
        try {
            records.get(caller, SalesTypes.ACCOUNT, accountId);
            return true;
        } catch (RecordNotFoundException | AccessDeniedException e) {
            return false;
        }
    }

    private static boolean seesAll(AccessPolicy policy, Caller caller) {
        return caller.isSystem() || policy.seesAll(caller, SalesTypes.ACCOUNT);
    }

    boolean all() {
        return accounts == null;
    }

    boolean contains(String accountId) {
        return accounts == null || accounts.contains(accountId);
    }

    /** Every score the caller may see, for lists and summaries computed within their scope. */
    List<HealthScore> scores(HealthService health) {
        List<HealthScore> scores = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<HealthScore> page =
                    health.list(new HealthQuery(null, 0, 100, Map.of(), HealthQuery.Sort.SCORE, false, offset, PAGE));
            page.items().stream().filter(score -> contains(score.accountId())).forEach(scores::add);
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return scores;
            }
        }
    }
}
