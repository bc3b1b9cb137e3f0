package org.balloon.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The memory of verified tokens: each token verified once while valid, never past its expiry, never a rejected one. */
class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000L;

    private final MovableClock clock = new MovableClock(NOW * 1000);
    private final CountingParser delegate = new CountingParser(clock);
    private final VerifiedTokens tokens = new VerifiedTokens(delegate, clock);

    @Test
    void theSameTokenIsVerifiedOnceWhileItIsValid() throws Exception {
        JsonWebToken first = tokens.parse("a.b.c|" + (NOW + 60));
        JsonWebToken again = tokens.parse("a.b.c|" + (NOW + 60));

        assertThat(again).isSameAs(first);
        assertThat(delegate.parsed.get()).isEqualTo(1);
        tokens.parse("a.b.d|" + (NOW + 60));
        assertThat(delegate.parsed.get()).as("another token is verified in full").isEqualTo(2);
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndRefused() throws Exception {
        tokens.parse("a.b.c|" + (NOW + 60));
        clock.millis += 61_000;

        assertThatThrownBy(() -> tokens.parse("a.b.c|" + (NOW + 60))).isInstanceOf(ParseException.class).hasMessageContaining("expired");
        assertThat(delegate.parsed.get()).isEqualTo(2);
    }

    @Test
    void aRejectedTokenIsNotRemembered() {
        assertThatThrownBy(() -> tokens.parse("bad")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse("bad")).isInstanceOf(ParseException.class);
        assertThat(delegate.parsed.get()).isEqualTo(2);
    }

    /** Reads "anything|exp" as a token expiring at exp (epoch seconds); refuses other text and expired ones. */
    static final class CountingParser implements JWTParser {
        final AtomicInteger parsed = new AtomicInteger();
        final MovableClock clock;

        CountingParser(MovableClock clock) {
            this.clock = clock;
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            parsed.incrementAndGet();
            int bar = token.indexOf('|');
            if (bar < 0) {
                throw new ParseException("not a token");
            }
            long exp = Long.parseLong(token.substring(bar + 1));
            if (exp * 1000 <= clock.millis) {
                throw new ParseException("token expired");
            }
            return new Jwt(Map.of("exp", exp, "sub", "ana"));
        }

        @Override
        public JsonWebToken parse(String token, JWTAuthContextInfo context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, PublicKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken verify(String token, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, PrivateKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, SecretKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken decrypt(String token, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public JsonWebToken parseOnly(String token) {
            throw new UnsupportedOperationException();
        }
    }

    record Jwt(Map<String, Object> claims) implements JsonWebToken {
        @Override
        public String getName() {
            return (String) claims.get("sub");
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String name) {
            return (T) claims.get(name);
        }
    }

    static final class MovableClock extends Clock {
        volatile long millis;

        MovableClock(long millis) {
            this.millis = millis;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
