package org.sellcraft.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** Error responses as RFC 9457 problem documents ({@code application/problem+json}). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://sellcraft.org/problems/";

    private Problems() {}

    /** Returns a problem response with a status, a short title and a detail naming what went wrong. */
    public static Response of(Response.Status status, String kind, String detail) {
        return of(status.getStatusCode(), status.getReasonPhrase(), kind, detail, Map.of());
    }

    /** Returns a problem response with extra members, such as the field at fault. */
    public static Response of(int status, String title, String kind, String detail, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + kind);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        extra.forEach((key, value) -> {
            if (value != null) {
                body.put(key, value);
            }
        });
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(body)
                .build();
    }
}
