package org.sellcraft.rest.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.servlet.Servlet;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.sellcraft.api.rest.RestResource;
import org.sellcraft.api.security.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the REST API under {@code /api}: gathers every {@link RestResource} service of every bundle into one
 * Jersey application with the platform's authentication, access declarations, JSON and error mapping, and
 * rebuilds it whenever a resource comes or goes.
 */
@Component(immediate = true, configurationPid = "org.sellcraft.rest")
@Designate(ocd = RestApplication.Config.class)
public class RestApplication {

    private static final Logger LOG = LoggerFactory.getLogger(RestApplication.class);
    private static final long REBUILD_DELAY_MS = 150;

    @ObjectClassDefinition(name = "Sellcraft REST API", description = "Limits of the REST API")
    public @interface Config {

        @AttributeDefinition(name = "Largest JSON body (bytes)", description = "Larger request bodies get 413")
        long maxBodyBytes() default 1_048_576;

        @AttributeDefinition(name = "Largest upload (bytes)", description = "Largest file an import may upload")
        long maxUploadBytes() default 1_073_741_824;
    }

    private final IdentityService identities;
    private final Set<RestResource> resources = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService rebuilder = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sellcraft-rest-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final ApiServlet servlet;
    private ScheduledFuture<?> scheduled;
    private ServiceRegistration<Servlet> registration;

    @Activate
    public RestApplication(@Reference IdentityService identities, Config config, BundleContext context) {
        this.identities = identities;
        this.servlet = new ApiServlet(config.maxBodyBytes(), config.maxUploadBytes());
        servlet.serve(build());

        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, "/api/*");
        properties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "sellcraft-api");
        this.registration = context.registerService(Servlet.class, servlet, properties);
        LOG.debug("REST API registered under /api");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResource(RestResource resource) {
        resources.add(resource);
        scheduleRebuild();
    }

    void removeResource(RestResource resource) {
        resources.remove(resource);
        scheduleRebuild();
    }

    /** Several bundles often come at once (a feature install): rebuild once after they settle. */
    private synchronized void scheduleRebuild() {
        if (rebuilder.isShutdown()) {
            // Resources leave one by one after the application itself has stopped: nothing left to serve.
            return;
        }
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduled = rebuilder.schedule(() -> servlet.serve(build()), REBUILD_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    private ResourceConfig build() {
        ResourceConfig application = new ResourceConfig();
        // Only what is registered here serves: no provider that happens to be installed slips in by discovery.
        application.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        application.property(CommonProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        application.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        application.property(ServerProperties.BV_FEATURE_DISABLE, true);
        application.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        application.register(JsonSupport.provider(JsonSupport.mapper()));
        application.register(new BearerAuthFilter(identities));
        application.register(new AccessDeclarations());
        ErrorMappers.all().forEach(application::register);
        resources.forEach(application::register);
        LOG.debug("REST API built with {} resources", resources.size());
        return application;
    }

    @Deactivate
    void deactivate() {
        rebuilder.shutdownNow();
        if (registration != null) {
            registration.unregister();
        }
        servlet.destroy();
    }
}
