package org.sellcraft.api.security;

/**
 * Something that knows the caller of the current request. The REST layer's user principal implements it, so that
 * a resource contributed by another bundle gets the {@link Caller} from {@code SecurityContext.getUserPrincipal()}
 * without reaching into the REST bundle.
 */
public interface CallerHolder {

    /** Returns the caller on whose behalf the request runs. */
    Caller caller();
}
