package org.balloon.access;

import io.smallrye.jwt.build.Jwt;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Mints the tokens of a stack without an identity provider, with SmallRye JWT's builder: RS256,
 * the configured issuer and audience, the role in {@code groups}, the name as subject and
 * preferred_username.
 */
public final class TokenIssuer {

    /** What the services expect unless configured otherwise (see META-INF/microprofile-config.properties). */
    public static final String LOCAL_ISSUER = "balloon-local";
    public static final String LOCAL_AUDIENCE = "balloon";

    private final PrivateKey key;
    private final String issuer;
    private final String audience;

    public TokenIssuer(PrivateKey key, String issuer, String audience) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
    }

    public String mint(String role, String name, Duration ttl) {
        return mint(role, name, Instant.now(), ttl);
    }

    /** A token issued at {@code issuedAt}: with a past time and a short ttl, an expired one (for tests). */
    public String mint(String role, String name, Instant issuedAt, Duration ttl) {
        if (!Roles.isRole(role)) {
            throw new IllegalArgumentException("role must be one of " + Roles.ALL + ", not " + role);
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("name must be 1-200 characters");
        }
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject(name)
                .claim("preferred_username", name)
                .groups(Set.of(role))
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(ttl))
                .claim("jti", UUID.randomUUID().toString())
                .jws().keyId("balloon-local")
                .sign(key);
    }
}
