package org.sellcraft.api.security;

import java.util.List;

/** The role names used in access declarations and in the policy. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String REP = "rep";
    public static final String ANALYST = "analyst";
    public static final String DEALER = "dealer";
    public static final String SERVICE_PROVIDER = "service-provider";
    public static final String LOGISTICS = "logistics";
    public static final String SUPPLIER = "supplier";
    /** A partner that works on site with its own equipment. */
    public static final String CONTRACTOR = "contractor";

    /**
     * Not a role anyone is given: every signed-in caller is in it. Declare {@code @RolesAllowed(Roles.SIGNED_IN)} on
     * operations open to all users and let the access policy decide the rest.
     */
    public static final String SIGNED_IN = "signed-in";

    /** Every role a signed-in user can hold. */
    public static final List<String> ALL =
            List.of(ADMIN, MANAGER, REP, ANALYST, DEALER, SERVICE_PROVIDER, LOGISTICS, SUPPLIER, CONTRACTOR);

    /**
     * The roles of outside partners. A user with one of them belongs to a partner organisation and holds no staff
     * role.
     *
     * @since 1.3
     */
    public static final List<String> PARTNER_ROLES = List.of(DEALER, SERVICE_PROVIDER, LOGISTICS, SUPPLIER);

    private Roles() {}
}
