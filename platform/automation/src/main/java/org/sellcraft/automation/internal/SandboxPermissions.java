package org.sellcraft.automation.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * What a condition may reach through introspection: the static methods of {@link TimeFunctions} and nothing else.
 * No class, constructor, field or other method is visible, so a condition cannot load classes, open files or
 * sockets, or read anything but the facts it is given.
 */
final class SandboxPermissions implements JexlPermissions {

    @Override
    public boolean allow(Package pack) {
        return pack != null && pack.getName().equals(TimeFunctions.class.getPackageName());
    }

    @Override
    public boolean allow(Class<?> clazz) {
        return clazz == TimeFunctions.class;
    }

    @Override
    public boolean allow(Constructor<?> constructor) {
        return false;
    }

    @Override
    public boolean allow(Method method) {
        return method.getDeclaringClass() == TimeFunctions.class && Modifier.isStatic(method.getModifiers());
    }

    @Override
    public boolean allow(Field field) {
        return false;
    }

    @Override
    public JexlPermissions compose(String... src) {
        return this;
    }
}
