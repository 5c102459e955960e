package org.sellcraft.web.internal;

import java.util.Optional;
import java.util.function.Consumer;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.security.AccessDeniedException;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordService;

/** The records one caller may see, as the console's views read them. */
interface RecordSource {

    /** Hands every record of the type that the caller may see to the consumer. */
    void forEach(String type, Consumer<Record> consumer);

    /** Returns the record, or nothing when it does not exist or the caller may not see it. */
    Optional<Record> find(String type, String id);

    /** Reads through the record service, as the given caller. */
    static RecordSource of(RecordService records, Caller caller) {
        return new RecordSource() {
            @Override
            public void forEach(String type, Consumer<Record> consumer) {
                records.forEach(caller, type, consumer);
            }

            @Override
            public Optional<Record> find(String type, String id) {
                if (id == null) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(records.get(caller, type, id));
                } catch (RecordNotFoundException | AccessDeniedException e) {
                    return Optional.empty();
                }
            }
        };
    }
}
