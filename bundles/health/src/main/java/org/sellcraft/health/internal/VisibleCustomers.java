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
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.Page;
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
    static VisibleCustomers of(RecordService records, Caller caller) {
        if (caller.isSystem()
                || records.count(caller, SalesTypes.ACCOUNT) == records.count(Caller.system(), SalesTypes.ACCOUNT)) {
            return new VisibleCustomers(null);
        }
        Set<String> accounts = new HashSet<>();
        records.forEach(caller, SalesTypes.ACCOUNT, account -> accounts.add(account.id()));
        return new VisibleCustomers(accounts);
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
