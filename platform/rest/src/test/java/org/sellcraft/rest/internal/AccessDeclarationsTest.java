package org.sellcraft.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** Every operation of the platform's resources says who may call it, so none ships open by mistake. */
class AccessDeclarationsTest {

    private static final List<Class<?>> RESOURCES = List.of(
            RecordResource.class,
            AuthResource.class,
            UserResource.class,
            StatusResource.class,
            ImportResource.class,
            OpenApiResource.class,
            SecurityResource.class);

    @Test
    void everyOperationDeclaresWhoMayCallIt() {
        List<String> undeclared = new ArrayList<>();
        int operations = 0;
        for (Class<?> resource : RESOURCES) {
            for (Method method : resource.getDeclaredMethods()) {
                if (isOperation(method)) {
                    operations++;
                    if (!AccessDeclarations.isDeclared(method)) {
                        undeclared.add(resource.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }

        assertTrue(operations >= 15, "found " + operations + " operations");
        assertEquals(List.of(), undeclared);
    }

    @Test
    void anOperationWithoutADeclarationIsDetected() throws NoSuchMethodException {
        Method open = Undeclared.class.getDeclaredMethod("open");

        assertFalse(AccessDeclarations.isDeclared(open));
    }

    private static boolean isOperation(Method method) {
        for (var annotation : method.getAnnotations()) {
            if (annotation.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    @Path("open")
    static class Undeclared {
        @GET
        public String open() {
            return "anyone";
        }
    }
}
