package org.balloon.access;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The three roles of Balloon. Each includes the ones below it, so an operation names only the
 * lowest role that may call it ({@code @RolesAllowed(Roles.ANALYST)}), and {@link RoleHierarchy}
 * gives every caller the roles its own role implies.
 */
public final class Roles {

    /** Reads actions, scores, aggregates and the model; the live stream; the dashboard. */
    public static final String VIEWER = "viewer";
    /** A viewer who also submits, previews and retracts the actions it submitted. */
    public static final String ANALYST = "analyst";
    /** Everything: retracting any action, re-scoring, the audit trail. */
    public static final String ADMIN = "admin";

    /** Lowest first. */
    public static final List<String> ALL = List.of(VIEWER, ANALYST, ADMIN);

    private Roles() {
    }

    /** The role itself and every role below it; nothing for a name that is not a Balloon role. */
    public static Set<String> implied(String role) {
        return switch (role.toLowerCase(Locale.ROOT)) {
            case ADMIN -> Set.of(ADMIN, ANALYST, VIEWER);
            case ANALYST -> Set.of(ANALYST, VIEWER);
            case VIEWER -> Set.of(VIEWER);
            default -> Set.of();
        };
    }

    public static boolean isRole(String name) {
        return name != null && ALL.contains(name.toLowerCase(Locale.ROOT));
    }
}
