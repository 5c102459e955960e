package org.sellcraft.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.sellcraft.api.record.FieldDef;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.record.RecordTypeRegistry;
import org.sellcraft.api.rest.RestResource;

/**
 * The OpenAPI 3.1 document of the API, written from the registered record types and the JAX-RS annotations of the
 * registered resources, so that it always describes exactly the collections, fields and operations this
 * installation serves, modules included.
 */
@Component(service = RestResource.class)
@Path("v1/openapi.json")
@PermitAll
public class OpenApiResource implements RestResource {

    private static final Map<String, Object> PROBLEM_REF = Map.of("$ref", "#/components/schemas/Problem");

    private final RecordTypeRegistry types;
    private final Set<RestResource> resources = ConcurrentHashMap.newKeySet();

    @Activate
    public OpenApiResource(@Reference RecordTypeRegistry types) {
        this.types = types;
    }

    // Every resource but this one: binding its own service while it is being created is a cycle for the runtime.
    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            target = "(!(component.name=org.sellcraft.rest.internal.OpenApiResource))")
    void addResource(RestResource resource) {
        resources.add(resource);
    }

    void removeResource(RestResource resource) {
        resources.remove(resource);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> document() {
        Map<String, Object> paths = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put("Problem", problemSchema());
        types.all().stream()
                .sorted(java.util.Comparator.comparing(RecordType::collection))
                .forEach(type -> {
                    schemas.put(type.name(), schema(type));
                    paths.put("/api/v1/" + type.collection(), collectionPath(type));
                    paths.put("/api/v1/" + type.collection() + "/{id}", itemPath(type));
                    paths.put(
                            "/api/v1/" + type.collection() + "/export.csv",
                            exportPath(type, "text/csv", "a spreadsheet-safe CSV file"));
                    paths.put(
                            "/api/v1/" + type.collection() + "/export.xlsx",
                            exportPath(type, XlsxExport.MEDIA_TYPE, "an Excel workbook without formulas"));
                });
        describeOperations(OpenApiResource.class, paths);
        resources.forEach(resource -> describeOperations(resource.getClass(), paths));

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        document.put("info", Map.of("title", "Sellcraft API", "version", "1"));
        document.put("paths", paths);
        document.put(
                "components",
                Map.of(
                        "schemas",
                        schemas,
                        "securitySchemes",
                        Map.of("bearer", Map.of("type", "http", "scheme", "bearer"))));
        document.put("security", List.of(Map.of("bearer", List.of())));
        return document;
    }

    /**
     * Adds the operations of a resource class, read from its JAX-RS annotations, so that every installed module's
     * endpoints are listed with who may call them. The generic record paths are described per type above.
     */
    private static void describeOperations(Class<?> resource, Map<String, Object> paths) {
        Path classPath = resource.getAnnotation(Path.class);
        if (classPath == null || resource == RecordResource.class) {
            return;
        }
        for (Method method : resource.getMethods()) {
            String verb = httpMethod(method);
            if (verb == null) {
                continue;
            }
            Path methodPath = method.getAnnotation(Path.class);
            String path = "/api/" + classPath.value() + (methodPath == null ? "" : "/" + methodPath.value());
            String tag = classPath.value().replaceFirst("^v1/", "").split("/")[0];
            Map<String, Object> operation = operation(summary(method), tag);
            operation.put("x-roles", roles(method));
            @SuppressWarnings("unchecked")
            Map<String, Object> operations =
                    (Map<String, Object>) paths.computeIfAbsent(path.replace("//", "/"), p -> new TreeMap<>());
            operations.put(verb, operation);
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** Turns a method name such as {@code createKey} into {@code create key}. */
    private static String summary(Method method) {
        return method.getName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static List<String> roles(Method method) {
        if (method.isAnnotationPresent(PermitAll.class)
                || method.getDeclaringClass().isAnnotationPresent(PermitAll.class)) {
            return List.of("anyone");
        }
        RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class)
                : method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        return allowed == null ? List.of() : List.of(allowed.value());
    }

    private static Map<String, Object> collectionPath(RecordType type) {
        Map<String, Object> list = operation(
                "List " + type.collection() + " (filter by field=value, "
                        + "field.from, field.to, field.contains; sort=field or -field; offset, limit)",
                type.name());
        Map<String, Object> create = operation("Create a " + type.name(), type.name());
        create.put("requestBody", body(type));
        return Map.of("get", list, "post", create);
    }

    private static Map<String, Object> itemPath(RecordType type) {
        Map<String, Object> update =
                operation("Change fields of a " + type.name() + "; send the version read in If-Match", type.name());
        update.put("requestBody", body(type));
        return Map.of(
                "get", operation("Read a " + type.name(), type.name()),
                "patch", update,
                "delete", operation("Delete a " + type.name() + "; send the version read in If-Match", type.name()));
    }

    private static Map<String, Object> exportPath(RecordType type, String mediaType, String what) {
        Map<String, Object> export = operation(
                "Export every " + type.name() + " a list with the same filters and sort shows, as " + what,
                type.name());
        @SuppressWarnings("unchecked")
        Map<String, Object> responses = (Map<String, Object>) export.get("responses");
        responses.put("200", Map.of("description", "OK", "content", Map.of(mediaType, Map.of())));
        return Map.of("get", export);
    }

    private static Map<String, Object> operation(String summary, String tag) {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "OK"));
        for (String status : List.of("400", "401", "403", "404", "409", "422")) {
            responses.put(
                    status,
                    Map.of(
                            "description",
                            "Problem",
                            "content",
                            Map.of(Problems.MEDIA_TYPE, Map.of("schema", PROBLEM_REF))));
        }
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("summary", summary);
        operation.put("tags", List.of(tag));
        operation.put("responses", responses);
        return operation;
    }

    private static Map<String, Object> body(RecordType type) {
        return Map.of(
                "content",
                Map.of(
                        MediaType.APPLICATION_JSON,
                        Map.of("schema", Map.of("$ref", "#/components/schemas/" + type.name()))));
    }

    private static Map<String, Object> schema(RecordType type) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (FieldDef field : type.fields()) {
            properties.put(field.name(), fieldSchema(field));
        }
        List<String> required = type.fields().stream()
                .filter(FieldDef::required)
                .map(FieldDef::name)
                .toList();
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("description", type.labelEn() + " / " + type.labelZh());
        schema.put("properties", properties);
        schema.put("required", required);
        return schema;
    }

    private static Map<String, Object> fieldSchema(FieldDef field) {
        Map<String, Object> schema = new LinkedHashMap<>();
        switch (field.kind()) {
            case TEXT, REFERENCE -> schema.put("type", "string");
            case INTEGER -> schema.put("type", "integer");
            case DECIMAL -> schema.put("type", "number");
            case DATE -> schema.putAll(Map.of("type", "string", "format", "date"));
            case DATETIME -> schema.putAll(Map.of("type", "string", "format", "date-time"));
            case BOOLEAN -> schema.put("type", "boolean");
            case LINES -> {
                Map<String, Object> part = new LinkedHashMap<>();
                field.parts().forEach(p -> part.put(p.name(), fieldSchema(p)));
                schema.put("type", "array");
                schema.put("items", Map.of("type", "object", "properties", part));
            }
        }
        if (!field.allowedValues().isEmpty()) {
            schema.put("enum", field.allowedValues());
        }
        if (field.referenceType() != null) {
            schema.put("description", "id of a " + field.referenceType());
        }
        schema.put("x-field-class", field.fieldClass().name().toLowerCase(java.util.Locale.ROOT));
        return schema;
    }

    private static Map<String, Object> problemSchema() {
        return Map.of(
                "type",
                "object",
                "properties",
                Map.of(
                        "type", Map.of("type", "string"),
                        "title", Map.of("type", "string"),
                        "status", Map.of("type", "integer"),
                        "detail", Map.of("type", "string"),
                        "field", Map.of("type", "string")));
    }
}
