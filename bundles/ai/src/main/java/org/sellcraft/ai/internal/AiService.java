package org.sellcraft.ai.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.sellcraft.api.ai.ModelProvider;
import org.sellcraft.api.health.HealthService;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.service.RecordService;

/**
 * The AI tasks of this installation: registers the record types of runs and cards, follows the model providers and
 * customer health as they come and go, and applies the configuration.
 */
@Component(service = AiService.class, configurationPid = AiConfig.PID)
@Designate(ocd = AiConfig.class)
public class AiService {

    private final AiTasks tasks;
    private final List<ServiceRegistration<RecordType>> types;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HealthService health;

    @Activate
    public AiService(@Reference RecordService records, AiConfig config, BundleContext context) {
        this.tasks = new AiTasks(records, () -> health, Clock.systemUTC());
        // Registered before the first read so that the runs and cards of earlier runs can be read back.
        this.types = List.of(
                context.registerService(RecordType.class, Runs.RUN_TYPE, null),
                context.registerService(RecordType.class, Runs.CARD_TYPE, null),
                context.registerService(RecordType.class, Runs.PROMPT_TYPE, null));
        modified(config);
    }

    @Modified
    void modified(AiConfig config) {
        tasks.configure(
                config.defaultProvider().trim(),
                ZoneId.of(config.zone().trim()),
                AiTasks.split(config.nonProductCodes()));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(ModelProvider provider) {
        tasks.addProvider(provider);
    }

    void removeProvider(ModelProvider provider) {
        tasks.removeProvider(provider);
    }

    @Deactivate
    void deactivate() {
        types.forEach(ServiceRegistration::unregister);
    }

    AiTasks tasks() {
        return tasks;
    }
}
