package org.sellcraft.rest.internal;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.sellcraft.api.record.Record;

/** JSON as the API speaks it: ISO dates, exact decimals, and bounded input so a hostile body cannot hurt. */
final class JsonSupport {

    /** Deeper JSON than this is refused: no record needs more than a few levels. */
    static final int MAX_NESTING = 32;

    private static final int MAX_STRING = 1_000_000;

    private JsonSupport() {}

    static ObjectMapper mapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(MAX_STRING)
                        .build());
        return mapper;
    }

    /** The JSON provider for JSON and problem documents. */
    static JacksonJsonProvider provider(ObjectMapper mapper) {
        return new ProblemAwareProvider(mapper);
    }

    /** Returns a record as the API shows it: its identity and bookkeeping, then its fields. */
    static Map<String, Object> toJson(Record record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", record.id());
        json.put("type", record.type());
        json.put("version", record.version());
        json.put("createdAt", record.createdAt());
        json.put("updatedAt", record.updatedAt());
        json.putAll(record.fields());
        return json;
    }

    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    private static final class ProblemAwareProvider extends JacksonJsonProvider {
        ProblemAwareProvider(ObjectMapper mapper) {
            super(mapper);
        }
    }
}
