package org.sellcraft.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

/**
 * Serves the console's files under {@code /console/}: the frame and core pages from this bundle, and each module's
 * page files from the module's own bundle under {@code /console/modules/<id>/}, only while that module's page is
 * registered. Files are revalidated by ETag on every load, compressed when the browser accepts gzip, and sent with
 * headers that keep the page from loading scripts or frames from anywhere else.
 */
@Component(
        service = Servlet.class,
        property = {
            HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/console/*",
            HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/",
            HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME + "=sellcraft-console"
        })
public class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String CONSOLE = "/console";
    private static final String MODULES = "/modules/";
    private static final int GZIP_CACHE_ENTRIES = 256;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=UTF-8",
            "js", "text/javascript; charset=UTF-8",
            "mjs", "text/javascript; charset=UTF-8",
            "css", "text/css; charset=UTF-8",
            "json", "application/json; charset=UTF-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2",
            "txt", "text/plain; charset=UTF-8");

    private final transient Bundle own;
    private final transient Contributions contributions;
    private final transient Map<String, byte[]> compressed =
            Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                    return size() > GZIP_CACHE_ENTRIES;
                }
            });

    @Activate
    public ConsoleServlet(@Reference Contributions contributions, BundleContext context) {
        this.contributions = contributions;
        this.own = context.getBundle();
    }

    /** A file to send: where it is and which bundle holds it. */
    record Asset(Bundle bundle, URL url, String path) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String servletPath = request.getServletPath();
        String path = request.getPathInfo();
        if (!CONSOLE.equals(servletPath)) {
            if ((servletPath == null || servletPath.isEmpty() || "/".equals(servletPath)) && path == null) {
                response.sendRedirect(CONSOLE + "/");
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
            return;
        }
        if (path == null) {
            response.sendRedirect(CONSOLE + "/");
            return;
        }
        if ("/".equals(path)) {
            path = "/index.html";
        }
        Optional<Asset> asset = find(path);
        if (asset.isEmpty()) {
            securityHeaders(response);
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        send(asset.get(), request, response);
    }

    /** Finds a file of the console or of a module's page; nothing outside their folders can be named. */
    Optional<Asset> find(String path) {
        if (!isSafe(path)) {
            return Optional.empty();
        }
        if (path.startsWith(MODULES)) {
            int slash = path.indexOf('/', MODULES.length());
            if (slash < 0) {
                return Optional.empty();
            }
            String id = path.substring(MODULES.length(), slash);
            String rest = path.substring(slash);
            return contributions.byId(id).flatMap(page -> {
                String folder = trimSlash(page.contribution().resourceFolder());
                return entry(page.bundle(), folder + rest);
            });
        }
        return entry(own, CONSOLE + path);
    }

    private static Optional<Asset> entry(Bundle bundle, String path) {
        if (bundle.getState() != Bundle.ACTIVE && bundle.getState() != Bundle.STARTING) {
            return Optional.empty();
        }
        URL url = bundle.getEntry(path);
        if (url == null || path.endsWith("/")) {
            return Optional.empty();
        }
        return Optional.of(new Asset(bundle, url, path));
    }

    static boolean isSafe(String path) {
        return path.startsWith("/")
                && !path.contains("..")
                && !path.contains("\\")
                && !path.contains("//")
                && !path.contains("\0")
                && TYPES.containsKey(extension(path));
    }

    private void send(Asset asset, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String etag = "\"" + asset.bundle().getBundleId() + "-" + asset.bundle().getLastModified() + "-"
                + Integer.toHexString(asset.path().hashCode()) + "\"";
        securityHeaders(response);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Vary", "Accept-Encoding");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        String type = TYPES.get(extension(asset.path()));
        response.setContentType(type);
        byte[] body;
        if (isCompressible(type) && acceptsGzip(request)) {
            body = compressed.computeIfAbsent(etag, key -> gzip(read(asset.url())));
            response.setHeader("Content-Encoding", "gzip");
        } else {
            body = read(asset.url());
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader("Accept-Encoding");
        return accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
    }

    private static boolean isCompressible(String type) {
        return type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("image/svg");
    }

    private static byte[] read(URL url) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read " + url, e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String trimSlash(String folder) {
        String trimmed = folder == null ? "" : folder.trim();
        if (!trimmed.startsWith("/")) {
            trimmed = "/" + trimmed;
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
