package org.sellcraft.health.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.sellcraft.api.health.HealthSettings;

/** Settings as the shipped configuration has them, with chosen values changed, as ConfigAdmin would hand them in. */
final class TestSettings {

    private TestSettings() {}

    static HealthSettings defaults() {
        return with(Map.of());
    }

    static HealthSettings with(Map<String, Object> changes) {
        return Settings.of(config(changes));
    }

    static HealthConfig config(Map<String, Object> changes) {
        Map<String, Object> values = new HashMap<>(changes);
        return (HealthConfig) Proxy.newProxyInstance(
                HealthConfig.class.getClassLoader(), new Class<?>[] {HealthConfig.class}, (proxy, method, args) -> {
                    if (values.containsKey(method.getName())) {
                        return values.get(method.getName());
                    }
                    return method.getDefaultValue();
                });
    }
}
