package org.sellcraft.rest.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sellcraft.api.record.FieldDef;
import org.sellcraft.api.record.FieldKind;
import org.sellcraft.api.record.Record;
import org.sellcraft.api.record.RecordType;
import org.sellcraft.api.record.RecordTypeRegistry;
import org.sellcraft.api.rest.RestResource;
import org.sellcraft.api.security.Caller;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.Page;
import org.sellcraft.api.service.RecordQuery;
import org.sellcraft.api.service.RecordService;
import org.sellcraft.api.service.UnknownTypeException;
import org.sellcraft.api.service.ValidationException;

/**
 * Create, read, update, delete and list for every registered record type, under its collection name
 * ({@code /api/v1/accounts}, {@code /api/v1/orders}, and those of installed modules). Related lists
 * ({@code /accounts/{id}/orders}) and order lines ({@code /orders/{id}/lines}) hang below a record.
 */
@Component(service = RestResource.class)
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
// Every signed-in role reaches the records; the access policy under the record service decides what each may see
// and do, so that the same rules hold for every endpoint, export, import and module.
@RolesAllowed(Roles.SIGNED_IN)
public class RecordResource implements RestResource {

    private static final Set<String> PAGING = Set.of("offset", "limit", "sort");
    private static final Set<String> BOOKKEEPING = Set.of("id", "type", "version", "createdAt", "updatedAt");
    private static final int DEFAULT_LIMIT = 50;

    private final RecordService records;
    private final RecordTypeRegistry types;

    @Activate
    public RecordResource(@Reference RecordService records, @Reference RecordTypeRegistry types) {
        this.records = records;
        this.types = types;
    }

    /** Lists a collection: {@code ?stage=Won&closeDate.from=2017-01-01&sort=-value&offset=0&limit=50}. */
    @GET
    @Path("{collection}")
    public Map<String, Object> list(
            @PathParam("collection") String collection, @Context UriInfo uri, @Context SecurityContext security) {
        RecordType type = type(collection);
        MultivaluedMap<String, String> params = uri.getQueryParameters();

        RecordQuery query = new RecordQuery(
                type.name(),
                filters(params),
                sortField(params.getFirst("sort")),
                isDescending(params.getFirst("sort")),
                intParam(params, "offset", 0, 0, Integer.MAX_VALUE),
                intParam(params, "limit", DEFAULT_LIMIT, 1, RecordQuery.MAX_LIMIT));
        return pageJson(records.list(caller(security), query));
    }

    /** The records a list with the same parameters would show, all pages of them, as a spreadsheet-safe CSV file. */
    @GET
    @Path("{collection}/export.csv")
    @Produces("text/csv")
    public Response export(
            @PathParam("collection") String collection, @Context UriInfo uri, @Context SecurityContext security) {
        RecordType type = type(collection);
        List<Record> all = everyPage(type, uri.getQueryParameters(), caller(security));
        return Response.ok(CsvExport.of(type, all))
                .header("Content-Disposition", "attachment; filename=\"" + collection + ".csv\"")
                .build();
    }

    /** The same records and columns as the CSV export, as an Excel workbook whose cells are never formulas. */
    @GET
    @Path("{collection}/export.xlsx")
    @Produces(XlsxExport.MEDIA_TYPE)
    public Response exportXlsx(
            @PathParam("collection") String collection, @Context UriInfo uri, @Context SecurityContext security) {
        RecordType type = type(collection);
        List<Record> all = everyPage(type, uri.getQueryParameters(), caller(security));
        return Response.ok(XlsxExport.of(type, collection, all))
                .header("Content-Disposition", "attachment; filename=\"" + collection + ".xlsx\"")
                .build();
    }

    /** Every record a list with these parameters would show, page after page, as the caller may see them. */
    private List<Record> everyPage(RecordType type, MultivaluedMap<String, String> params, Caller caller) {
        List<Record> all = new ArrayList<>();
        Page<Record> page;
        do {
            RecordQuery query = new RecordQuery(
                    type.name(),
                    filters(params),
                    sortField(params.getFirst("sort")),
                    isDescending(params.getFirst("sort")),
                    all.size(),
                    RecordQuery.MAX_LIMIT);
            page = records.list(caller, query);
            all.addAll(page.items());
        } while (!page.items().isEmpty() && all.size() < page.total());
        return all;
    }

    @GET
    @Path("{collection}/{id}")
    public Response get(
            @PathParam("collection") String collection, @PathParam("id") String id, @Context SecurityContext security) {
        Record record = records.get(caller(security), type(collection).name(), id);
        return Response.ok(JsonSupport.toJson(record))
                .tag(new EntityTag(Long.toString(record.version())))
                .build();
    }

    @POST
    @Path("{collection}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(
            @PathParam("collection") String collection,
            Map<String, Object> body,
            @Context UriInfo uri,
            @Context SecurityContext security) {
        Record created = records.create(caller(security), type(collection).name(), fieldsOf(body));
        URI location = uri.getAbsolutePathBuilder().path(created.id()).build();
        return Response.created(location)
                .entity(JsonSupport.toJson(created))
                .tag(new EntityTag(Long.toString(created.version())))
                .build();
    }

    /** Changes the given fields. The version read comes in {@code If-Match} or as {@code version} in the body. */
    @PATCH
    @Path("{collection}/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response update(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch,
            Map<String, Object> body,
            @Context SecurityContext security) {
        long version = expectedVersion(ifMatch, body == null ? null : body.get("version"), "in the body");
        Record updated = records.update(caller(security), type(collection).name(), id, version, fieldsOf(body));
        return Response.ok(JsonSupport.toJson(updated))
                .tag(new EntityTag(Long.toString(updated.version())))
                .build();
    }

    @DELETE
    @Path("{collection}/{id}")
    public Response delete(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @HeaderParam("If-Match") String ifMatch,
            @QueryParam("version") String versionParam,
            @Context SecurityContext security) {
        long version = expectedVersion(ifMatch, versionParam, "as ?version=N");
        records.delete(caller(security), type(collection).name(), id, version);
        return Response.noContent().build();
    }

    /**
     * Lists what hangs below a record: its lines ({@code /orders/{id}/lines}) or the records of another collection
     * that refer to it, oldest first ({@code /accounts/{id}/orders}, {@code /accounts/{id}/opportunities}).
     */
    @GET
    @Path("{collection}/{id}/{related}")
    public Object related(
            @PathParam("collection") String collection,
            @PathParam("id") String id,
            @PathParam("related") String related,
            @Context UriInfo uri,
            @Context SecurityContext security) {
        RecordType type = type(collection);
        Caller caller = caller(security);
        Record record = records.get(caller, type.name(), id);
        if (type.field(related).filter(f -> f.kind() == FieldKind.LINES).isPresent()) {
            Object lines = record.get(related);
            return lines == null ? List.of() : lines;
        }

        RecordType relatedType = type(related);
        FieldDef link = relatedType.fields().stream()
                .filter(f -> f.kind() == FieldKind.REFERENCE && type.name().equals(f.referenceType()))
                .findFirst()
                .orElseThrow(() -> new UnknownTypeException(collection + "/" + related));
        String dateField = relatedType.fields().stream()
                .filter(f -> f.filterable() && (f.kind() == FieldKind.DATETIME || f.kind() == FieldKind.DATE))
                .map(FieldDef::name)
                .findFirst()
                .orElse(null);
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        RecordQuery query = new RecordQuery(
                relatedType.name(),
                List.of(new RecordQuery.Filter(link.name(), RecordQuery.Operator.EQUALS, id)),
                dateField,
                false,
                intParam(params, "offset", 0, 0, Integer.MAX_VALUE),
                intParam(params, "limit", RecordQuery.MAX_LIMIT, 1, RecordQuery.MAX_LIMIT));
        return pageJson(records.list(caller, query));
    }

    private RecordType type(String collection) {
        return types.byCollection(collection).orElseThrow(() -> new UnknownTypeException(collection));
    }

    private static Caller caller(SecurityContext security) {
        return CallerPrincipal.of(security);
    }

    private static Map<String, Object> pageJson(Page<Record> page) {
        List<Map<String, Object>> items = new ArrayList<>(page.items().size());
        page.items().forEach(record -> items.add(JsonSupport.toJson(record)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items);
        json.put("total", page.total());
        json.put("offset", page.offset());
        json.put("limit", page.limit());
        return json;
    }

    private static Map<String, Object> fieldsOf(Map<String, Object> body) {
        if (body == null) {
            throw new BadRequestException("The request needs a JSON object body");
        }
        Map<String, Object> fields = new HashMap<>(body);
        fields.keySet().removeAll(BOOKKEEPING);
        return fields;
    }

    private static List<RecordQuery.Filter> filters(MultivaluedMap<String, String> params) {
        List<RecordQuery.Filter> filters = new ArrayList<>();
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            if (PAGING.contains(param.getKey())) {
                continue;
            }
            for (String value : param.getValue()) {
                filters.add(filter(param.getKey(), value));
            }
        }
        return filters;
    }

    private static RecordQuery.Filter filter(String name, String value) {
        int dot = name.lastIndexOf('.');
        String suffix = dot < 0 ? "" : name.substring(dot + 1);
        return switch (suffix) {
            case "from" -> new RecordQuery.Filter(name.substring(0, dot), RecordQuery.Operator.AT_LEAST, value);
            case "to" -> new RecordQuery.Filter(name.substring(0, dot), RecordQuery.Operator.AT_MOST, value);
            case "contains" -> new RecordQuery.Filter(name.substring(0, dot), RecordQuery.Operator.CONTAINS, value);
            default -> new RecordQuery.Filter(name, RecordQuery.Operator.EQUALS, value);
        };
    }

    private static String sortField(String sort) {
        if (sort == null || sort.isBlank()) {
            return null;
        }
        return sort.startsWith("-") ? sort.substring(1) : sort;
    }

    private static boolean isDescending(String sort) {
        return sort != null && sort.startsWith("-");
    }

    private static int intParam(MultivaluedMap<String, String> params, String name, int fallback, int min, int max) {
        String value = params.getFirst(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below with the allowed range
        }
        throw new ValidationException(name, value, "must be a whole number from " + min + " to " + max);
    }

    /** The version the caller read, from If-Match or from {@code elsewhere}, which the message names. */
    static long expectedVersion(String ifMatch, Object otherVersion, String elsewhere) {
        Object given =
                ifMatch != null ? ifMatch.replace("\"", "").replace("W/", "").trim() : otherVersion;
        if (given == null) {
            throw new ValidationException(
                    "version", null, "is required: send the version you read in If-Match or " + elsewhere);
        }
        try {
            return Long.parseLong(given.toString().trim());
        } catch (NumberFormatException e) {
            throw new ValidationException("version", given.toString(), "must be a whole number");
        }
    }
}
