package org.balloon.access;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Counts every REST request against its caller's quota (health, metrics and static files are not
 * REST resources and are not counted). Runs after authentication: a refused token is a 401, not a
 * request of anybody's.
 */
public class QuotaFilter {

    private final Quotas quotas;
    private final CurrentIdentityAssociation identities;

    public QuotaFilter(Quotas quotas, CurrentIdentityAssociation identities) {
        this.quotas = quotas;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Void> limit(HttpServerRequest request) {
        return identities.getDeferredIdentity().invoke(identity -> quotas.request(identity, request)).replaceWithVoid();
    }
}
