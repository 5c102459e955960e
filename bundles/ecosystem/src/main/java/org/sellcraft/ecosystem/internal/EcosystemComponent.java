package org.sellcraft.ecosystem.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.sellcraft.api.automation.ActionHandler;
import org.sellcraft.api.automation.FactSource;
import org.sellcraft.api.importing.ImportMapping;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.service.RecordGuard;
import org.sellcraft.api.service.RecordService;

/**
 * Publishes what the ecosystem brings to the platform: its record types, its import mappings, the actions its
 * clauses take, the facts they judge (satisfaction, idle equipment) and the guards on work orders (none new for a
 * frozen partner; partners only open and close repairs). Everything is withdrawn when the bundle stops; the
 * records stay in the store and are found again when it is installed again.
 */
@Component(service = {})
public class EcosystemComponent {

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public EcosystemComponent(@Reference RecordService records, BundleContext context) {
        for (RecordType type : EcosystemTypes.ALL) {
            registrations.add(context.registerService(RecordType.class, type, null));
        }
        for (ImportMapping mapping : EcosystemMappings.ALL) {
            registrations.add(context.registerService(ImportMapping.class, mapping, null));
        }
        Partners partners = new Partners(records, Clock.systemUTC());
        for (ActionHandler action : EcosystemActions.all(records, partners, Clock.systemUTC())) {
            registrations.add(context.registerService(ActionHandler.class, action, null));
        }
        registrations.add(context.registerService(FactSource.class, new SatisfactionSource(records), null));
        registrations.add(context.registerService(FactSource.class, new IdleEquipmentSource(records), null));
        registrations.add(context.registerService(RecordGuard.class, new FrozenPartnerGuard(records), null));
        registrations.add(context.registerService(RecordGuard.class, new PartnerWorkOrderGuard(), null));
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }
}
