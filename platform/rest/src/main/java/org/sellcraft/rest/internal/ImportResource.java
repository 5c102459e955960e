package org.sellcraft.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.sellcraft.api.importing.ImportJob;
import org.sellcraft.api.importing.ImportMapping;
import org.sellcraft.api.importing.ImportRequest;
import org.sellcraft.api.importing.ImportService;
import org.sellcraft.api.rest.RestResource;
import org.sellcraft.api.security.Roles;
import org.sellcraft.api.service.ValidationException;

/**
 * Import jobs over HTTP. The file is the request body ({@code application/octet-stream}, or {@code text/csv});
 * the mapping is a built-in one named by {@code ?mapping=}, or the user's own JSON in the {@code X-Import-Mapping}
 * header. The answer is 202 with the job, whose progress is polled at its location.
 */
@Component(service = RestResource.class)
@Path("v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class ImportResource implements RestResource {

    private static final String EMPTY_REJECTIONS = "line,column,value,reason\r\n";

    private final ImportService imports;
    private final java.nio.file.Path uploads;

    @Activate
    public ImportResource(@Reference ImportService imports) {
        this.imports = imports;
        this.uploads = Paths.get(System.getProperty("karaf.data", "data"), "sellcraft", "uploads");
    }

    @POST
    @Consumes({
        MediaType.APPLICATION_OCTET_STREAM,
        "text/csv",
        "application/gzip",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    })
    public Response start(
            InputStream body,
            @QueryParam("mapping") String mappingName,
            @HeaderParam("X-Import-Mapping") String mappingJson,
            @QueryParam("fileName") String fileName,
            @QueryParam("strict") boolean strict,
            @QueryParam("batchSize") int batchSize,
            @QueryParam("charset") String charset,
            @Context SecurityContext security)
            throws IOException {
        ImportMapping mapping = mappingJson == null ? null : imports.parseMapping(mappingJson);
        if (mapping == null && (mappingName == null || mappingName.isBlank())) {
            throw new ValidationException(
                    "mapping", null, "is required: name a built-in mapping or send your own in X-Import-Mapping");
        }
        String name = safeFileName(fileName);
        java.nio.file.Path file = save(body, name);

        ImportRequest request = new ImportRequest(file, name, mappingName, mapping, strict, batchSize, charset);
        ImportJob job = imports.start(CallerPrincipal.of(security), request, committed -> {});
        return Response.accepted(job)
                .location(URI.create("v1/imports/" + job.id()))
                .build();
    }

    /** The recent jobs: an administrator's list holds every job, anyone else's the jobs they started. */
    @GET
    public List<ImportJob> jobs(@Context SecurityContext security) {
        return imports.jobs(CallerPrincipal.of(security));
    }

    @GET
    @Path("mappings")
    public List<ImportMapping> mappings() {
        return imports.mappings();
    }

    @GET
    @Path("{id}")
    public ImportJob job(@PathParam("id") String id, @Context SecurityContext security) {
        return imports.job(CallerPrincipal.of(security), id).orElseThrow(() -> noJob(id));
    }

    /** Someone else's job does not exist for the caller, as a record outside their scope does not. */
    private static NotFoundException noJob(String id) {
        return new NotFoundException("No import job with id '" + id + "'");
    }

    /** The rejection report: one CSV line per refused row with its line, column, value and reason. */
    @GET
    @Path("{id}/rejections")
    @Produces("text/csv")
    public Response rejections(@PathParam("id") String id, @Context SecurityContext security) {
        if (imports.job(CallerPrincipal.of(security), id).isEmpty()) {
            throw noJob(id);
        }
        // A job that refused no row has no report file: its report is the header alone.
        Object report = imports.rejectionReport(id)
                .<Object>map(java.nio.file.Path::toFile)
                .orElse(EMPTY_REJECTIONS);
        return Response.ok(report)
                .header("Content-Disposition", "attachment; filename=\"rejections-" + id + ".csv\"")
                .build();
    }

    private java.nio.file.Path save(InputStream body, String name) throws IOException {
        Files.createDirectories(uploads);
        java.nio.file.Path file = Files.createTempFile(uploads, "upload-", "-" + name);
        try {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // A body cut off or over the limit leaves no half file behind.
            Files.deleteIfExists(file);
            throw e;
        }
        if (Files.size(file) == 0) {
            Files.delete(file);
            throw new ValidationException("body", null, "is empty: send the file's bytes as the request body");
        }
        return file;
    }

    /** Keeps the extension that tells the importer the format, and nothing that could leave the folder. */
    private static String safeFileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "upload.csv";
        }
        String base = Paths.get(fileName).getFileName().toString();
        return base.replaceAll("[^A-Za-z0-9._\\-]", "_");
    }
}
