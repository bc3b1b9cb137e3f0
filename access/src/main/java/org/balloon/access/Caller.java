package org.balloon.access;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who made a request: the token's subject (stable, what ownership and quotas key on) and a name
 * for people (preferred_username, upn or the subject). Anonymous callers have neither.
 */
public record Caller(String subject, String name) {

    public static final Caller ANONYMOUS = new Caller(null, null);

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            String name = jwt.getClaim("preferred_username");
            return new Caller(jwt.getSubject(), name != null ? name : jwt.getName());
        }
        return new Caller(identity.getPrincipal().getName(), identity.getPrincipal().getName());
    }

    public boolean isAnonymous() {
        return subject == null;
    }
}
