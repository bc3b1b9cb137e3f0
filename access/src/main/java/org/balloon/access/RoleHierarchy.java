package org.balloon.access;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives every identity the roles its token's role implies (an admin is an analyst and a viewer),
 * and, when {@code balloon.access.public-read} is on, makes anonymous callers viewers (a public
 * newsroom page). Role names from the token are matched case-insensitively, so an identity
 * provider's "Admin" counts too.
 */
@ApplicationScoped
public class RoleHierarchy implements SecurityIdentityAugmentor {

    private final boolean publicRead;

    public RoleHierarchy(@ConfigProperty(name = "balloon.access.public-read") boolean publicRead) {
        this.publicRead = publicRead;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        Set<String> roles = new HashSet<>();
        if (identity.isAnonymous()) {
            if (publicRead) {
                roles.add(Roles.VIEWER);
            }
        } else {
            identity.getRoles().forEach(r -> roles.addAll(Roles.implied(r)));
        }
        if (identity.getRoles().containsAll(roles)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(roles).build());
    }
}
