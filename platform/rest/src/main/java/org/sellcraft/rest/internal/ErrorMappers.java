package org.sellcraft.rest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.sellcraft.api.security.AccessDeniedException;
import org.sellcraft.api.security.AuthenticationException;
import org.sellcraft.api.security.SignInThrottledException;
import org.sellcraft.api.service.RecordNotFoundException;
import org.sellcraft.api.service.RecordRefusedException;
import org.sellcraft.api.service.UnknownTypeException;
import org.sellcraft.api.service.ValidationException;
import org.sellcraft.api.service.VersionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mapper per exception family. Client faults are answered with the exact status and logged at DEBUG (they
 * are the caller's business, not the operator's); anything unexpected is a 500 whose body reveals nothing
 * internal but a reference that the ERROR log line carries too.
 */
final class ErrorMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

    private ErrorMappers() {}

    /** All mappers, for registration. */
    static List<Object> all() {
        return List.of(
                new Validation(),
                new Refused(),
                new NotFound(),
                new UnknownType(),
                new Conflict(),
                new Unauthenticated(),
                new Denied(),
                new BadArgument(),
                new MalformedJson(),
                new Web(),
                new Unexpected());
    }

    static final class Validation implements ExceptionMapper<ValidationException> {
        @Override
        public Response toResponse(ValidationException e) {
            LOG.debug("Invalid value: {}", e.getMessage());
            return Problems.of(
                    422,
                    "Unprocessable Entity",
                    "invalid-field",
                    e.getMessage(),
                    Map.of("field", e.field() == null ? "" : e.field(), "reason", e.reason()));
        }
    }

    /** A guard refused the write: the values are valid but the business does not allow it now. */
    static final class Refused implements ExceptionMapper<RecordRefusedException> {
        @Override
        public Response toResponse(RecordRefusedException e) {
            LOG.debug("Write refused: {}", e.getMessage());
            Map<String, Object> extra = new java.util.LinkedHashMap<>();
            extra.put("field", e.field() == null ? "" : e.field());
            extra.put("reason", e.reason());
            extra.putAll(e.details());
            return Problems.of(409, "Conflict", "record-refused", e.reason(), extra);
        }
    }

    static final class NotFound implements ExceptionMapper<RecordNotFoundException> {
        @Override
        public Response toResponse(RecordNotFoundException e) {
            return Problems.of(Response.Status.NOT_FOUND, "not-found", e.getMessage());
        }
    }

    static final class UnknownType implements ExceptionMapper<UnknownTypeException> {
        @Override
        public Response toResponse(UnknownTypeException e) {
            return Problems.of(Response.Status.NOT_FOUND, "unknown-type", e.getMessage());
        }
    }

    static final class Conflict implements ExceptionMapper<VersionConflictException> {
        @Override
        public Response toResponse(VersionConflictException e) {
            return Problems.of(
                    409, "Conflict", "version-conflict", e.getMessage(), Map.of("currentVersion", e.currentVersion()));
        }
    }

    static final class Unauthenticated implements ExceptionMapper<AuthenticationException> {
        @Override
        public Response toResponse(AuthenticationException e) {
            if (e instanceof SignInThrottledException throttled) {
                Response problem = Problems.of(429, "Too Many Requests", "sign-in-throttled", e.getMessage(), Map.of());
                return Response.fromResponse(problem)
                        .header("Retry-After", throttled.retryAfterSeconds())
                        .build();
            }
            Response problem = Problems.of(Response.Status.UNAUTHORIZED, "unauthenticated", e.getMessage());
            return Response.fromResponse(problem)
                    .header("WWW-Authenticate", "Bearer realm=\"sellcraft\"")
                    .build();
        }
    }

    static final class Denied implements ExceptionMapper<AccessDeniedException> {
        @Override
        public Response toResponse(AccessDeniedException e) {
            if (e.field() != null) {
                return Problems.of(403, "Forbidden", "forbidden", e.getMessage(), Map.of("field", e.field()));
            }
            return Problems.of(Response.Status.FORBIDDEN, "forbidden", e.getMessage());
        }
    }

    static final class BadArgument implements ExceptionMapper<IllegalArgumentException> {
        @Override
        public Response toResponse(IllegalArgumentException e) {
            LOG.debug("Bad request: {}", e.getMessage());
            return Problems.of(Response.Status.BAD_REQUEST, "bad-request", e.getMessage());
        }
    }

    static final class MalformedJson implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof WebApplicationException refused) {
                    // Jackson wraps what the request's stream threw, such as a body over the size limit.
                    return new Web().toResponse(refused);
                }
            }
            if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                return Problems.of(
                        Response.Status.BAD_REQUEST,
                        "wrong-json-shape",
                        "The body is JSON of the wrong shape: this operation takes " + shapeOf(mismatched));
            }
            // The original message quotes the input, which may be a password typed without its quotes: keep
            // where it broke and what was expected, never the token itself.
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            return Problems.of(
                    Response.Status.BAD_REQUEST,
                    "malformed-json",
                    "The body is not valid JSON" + where + ": "
                            + e.getOriginalMessage()
                                    .lines()
                                    .findFirst()
                                    .orElse("")
                                    .replaceAll("'[^']{2,}'", "a token"));
        }
    }

    private static String shapeOf(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (Map.class.isAssignableFrom(target)) {
            return "an object, {...}";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array, [...]";
        }
        return "a " + target.getSimpleName();
    }

    static final class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            int status = original.getStatus();
            if (original.hasEntity()) {
                return original;
            }
            String detail =
                    switch (status) {
                        case 401 -> "Sign in first: no bearer token was sent";
                        case 403 -> "Your role may not call this operation";
                        case 404 -> "No operation answers at this path; the module that serves it may not be installed";
                        case 405 -> "This resource does not support that method";
                        case 406 -> "This resource cannot answer in the media type asked for";
                        case 413 -> "The request body is too large";
                        case 415 -> "This resource does not accept that content type";
                        default -> original.getStatusInfo().getReasonPhrase();
                    };
            if (e.getMessage() != null && !e.getMessage().startsWith("HTTP ")) {
                detail = e.getMessage();
            }
            String title = original.getStatusInfo().getReasonPhrase();
            return Problems.of(status, title, "http-" + status, detail, Map.of());
        }
    }

    static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            String reference = UUID.randomUUID().toString();
            LOG.error("Unexpected error, reference {}", reference, e);
            return Problems.of(
                    500,
                    "Internal Server Error",
                    "internal",
                    "Something went wrong on the server; the log has the details under reference " + reference,
                    Map.of("reference", reference));
        }
    }
}
