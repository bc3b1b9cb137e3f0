package org.balloon.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.balloon.access.Roles;
import org.balloon.access.TokenIssuer;
import org.balloon.access.TokenKeys;

/**
 * Tokens for tests, signed with a key pair made for this test JVM (never a committed key). The
 * services under test trust its public key through {@link BalloonInfrastructure}; the pair lives
 * in a directory named after the process, so the test class loader and Quarkus' share it, and is
 * deleted when the JVM exits.
 */
public final class TestTokens {

    private static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"),
            "balloon-test-keys-" + ProcessHandle.current().pid());
    private static final Path OTHER_DIR = DIR.resolve("untrusted");
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    static {
        try {
            TokenKeys.ensure(DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(TestTokens::deleteKeys, "balloon-test-keys-cleanup"));
    }

    private TestTokens() {
    }

    /** The public key the services under test verify with (mp.jwt.verify.publickey.location). */
    public static String publicKeyLocation() {
        return DIR.resolve(TokenKeys.PUBLIC_KEY).toString();
    }

    public static String viewer() {
        return of(Roles.VIEWER, "test-viewer");
    }

    public static String analyst() {
        return of(Roles.ANALYST, "test-analyst");
    }

    public static String admin() {
        return of(Roles.ADMIN, "test-admin");
    }

    /** A valid token for one hour, the same one for the same role and name. */
    public static String of(String role, String name) {
        return CACHE.computeIfAbsent(role + "/" + name, k -> issuer(DIR, TokenIssuer.LOCAL_ISSUER, TokenIssuer.LOCAL_AUDIENCE)
                .mint(role, name, Duration.ofHours(1)));
    }

    public static String expired(String role) {
        return issuer(DIR, TokenIssuer.LOCAL_ISSUER, TokenIssuer.LOCAL_AUDIENCE)
                .mint(role, "test-expired", Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
    }

    /** Signed by a key the services do not trust. */
    public static String wrongSignature(String role) {
        try {
            TokenKeys.ensure(OTHER_DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return issuer(OTHER_DIR, TokenIssuer.LOCAL_ISSUER, TokenIssuer.LOCAL_AUDIENCE)
                .mint(role, "test-forger", Duration.ofHours(1));
    }

    public static String wrongIssuer(String role) {
        return issuer(DIR, "https://not-balloon.example", TokenIssuer.LOCAL_AUDIENCE).mint(role, "test-stranger", Duration.ofHours(1));
    }

    public static String wrongAudience(String role) {
        return issuer(DIR, TokenIssuer.LOCAL_ISSUER, "some-other-api").mint(role, "test-elsewhere", Duration.ofHours(1));
    }

    private static TokenIssuer issuer(Path dir, String iss, String aud) {
        try {
            return new TokenIssuer(TokenKeys.privateKey(dir), iss, aud);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteKeys() {
        try (Stream<Path> files = Files.walk(DIR)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
