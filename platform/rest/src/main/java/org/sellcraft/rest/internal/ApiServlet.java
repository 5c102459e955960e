package org.sellcraft.rest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servlet the HTTP whiteboard knows, registered once. It hands each request to the current Jersey container;
 * when bundles add or remove resources a new container is built beside the old one and swapped in, so requests to
 * the rest of the API never see a gap while a module comes or goes.
 */
final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final String UPLOAD_PATH = "/v1/imports";

    private final transient ScheduledExecutorService retirer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sellcraft-rest-retire");
        thread.setDaemon(true);
        return thread;
    });
    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private transient volatile ServletConfig servletConfig;
    private transient volatile ServletContainer current;
    private transient volatile ResourceConfig pending;

    ApiServlet(long maxBodyBytes, long maxUploadBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        this.servletConfig = config;
        ResourceConfig first = pending;
        if (first != null) {
            swapIn(first);
        }
    }

    /** Serves the given application from now on. */
    synchronized void serve(ResourceConfig application) {
        pending = application;
        if (servletConfig != null) {
            swapIn(application);
        }
    }

    private synchronized void swapIn(ResourceConfig application) {
        Thread thread = Thread.currentThread();
        ClassLoader previousLoader = thread.getContextClassLoader();
        // Jersey finds its own parts through the context class loader while it starts.
        thread.setContextClassLoader(ApiServlet.class.getClassLoader());
        try {
            ServletContainer container = new ServletContainer(application);
            container.init(servletConfig);
            ServletContainer old = current;
            current = container;
            if (old != null) {
                // Let requests that are still running on the old container finish first.
                retirer.schedule(old::destroy, 30, TimeUnit.SECONDS);
            }
        } catch (ServletException | RuntimeException e) {
            LOG.error("The REST API could not be rebuilt; the previous one keeps serving", e);
        } finally {
            thread.setContextClassLoader(previousLoader);
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        ServletContainer container = current;
        if (container == null) {
            problem(response, 503, "Service Unavailable", "The API is starting; try again in a moment");
            return;
        }
        long limit = isUpload(request) ? maxUploadBytes : maxBodyBytes;
        if (request.getContentLengthLong() > limit) {
            problem(response, 413, "Payload Too Large", "The request body is larger than " + limit + " bytes");
            return;
        }
        // A chunked body announces no length: count what is read, so it cannot pass the limit either.
        container.service(new BoundedRequest(request, limit), response);
    }

    private static boolean isUpload(HttpServletRequest request) {
        String path = request.getPathInfo();
        return "POST".equals(request.getMethod()) && path != null && path.equals(UPLOAD_PATH);
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        String body = "{\"type\":\"https://sellcraft.org/problems/http-" + status + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void destroy() {
        retirer.shutdownNow();
        ServletContainer container = current;
        current = null;
        if (container != null) {
            container.destroy();
        }
    }
}
