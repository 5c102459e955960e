package org.sellcraft.core.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.record.RecordTypeRegistry;
import org.sellcraft.api.sales.SalesTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of record types: the core sales types, plus every {@link RecordType} that an installed bundle
 * publishes as a service. A bundle's types disappear with it; its stored records stay in the store.
 */
@Component(service = RecordTypeRegistry.class)
public class CoreRecordTypes implements RecordTypeRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(CoreRecordTypes.class);

    private final Map<String, RecordType> byName = new ConcurrentHashMap<>();

    public CoreRecordTypes() {
        SalesTypes.all().forEach(type -> byName.put(type.name(), type));
    }

    /** Creates a registry of the core types and the given extra ones, for use outside OSGi. */
    public CoreRecordTypes(List<RecordType> extraTypes) {
        this();
        extraTypes.forEach(this::addType);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addType(RecordType type) {
        RecordType clash = byName.putIfAbsent(type.name(), type);
        if (clash != null && clash != type) {
            LOG.warn("Record type '{}' is already registered; the second definition is ignored", type.name());
        } else {
            LOG.debug("Record type '{}' registered", type.name());
        }
    }

    void removeType(RecordType type) {
        byName.remove(type.name(), type);
    }

    @Override
    public Optional<RecordType> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public Optional<RecordType> byCollection(String collection) {
        return byName.values().stream()
                .filter(type -> type.collection().equals(collection))
                .findFirst();
    }

    @Override
    public Collection<RecordType> all() {
        return List.copyOf(byName.values());
    }
}
