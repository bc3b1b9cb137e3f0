package org.balloon.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenToolTest {

    @Test
    void theKeyPairIsMadeOnceWithAPrivateKeyOnlyItsOwnerReads(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        assertThat(TokenKeys.ensure(keys)).isTrue();
        String before = Files.readString(keys.resolve(TokenKeys.PUBLIC_KEY));
        assertThat(TokenKeys.ensure(keys)).as("a second run keeps the pair").isFalse();
        assertThat(Files.readString(keys.resolve(TokenKeys.PUBLIC_KEY))).isEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(TokenKeys.PRIVATE_KEY))))
                .isEqualTo("rw-------");
    }

    @Test
    void aMintedTokenNamesTheRoleTheNameTheIssuerAndTheAudience(@TempDir Path dir) throws Exception {
        TokenKeys.ensure(dir);
        String token = new TokenIssuer(TokenKeys.privateKey(dir), "balloon-local", "balloon")
                .mint(Roles.ANALYST, "ana", Duration.ofDays(30));
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims).contains("\"sub\":\"ana\"", "\"preferred_username\":\"ana\"", "\"groups\":[\"analyst\"]",
                "\"iss\":\"balloon-local\"", "\"aud\":\"balloon\"");
        assertThatThrownBy(() -> new TokenIssuer(TokenKeys.privateKey(dir), "i", "a").mint("root", "x", Duration.ofHours(1)))
                .hasMessageContaining("role must be one of");
    }

    @Test
    void ttlsAreANumberAndAUnitUpToAYear() {
        assertThat(TokenMain.ttl("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(TokenMain.ttl("12h")).isEqualTo(Duration.ofHours(12));
        assertThat(TokenMain.ttl("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> TokenMain.ttl("30x")).hasMessageContaining("--ttl");
        assertThatThrownBy(() -> TokenMain.ttl("0d")).hasMessageContaining("--ttl");
        assertThatThrownBy(() -> TokenMain.ttl("400d")).hasMessageContaining("366d");
    }

    @Test
    void eachRoleImpliesTheOnesBelowIt() {
        assertThat(Roles.implied("admin")).containsExactlyInAnyOrder("admin", "analyst", "viewer");
        assertThat(Roles.implied("Analyst")).containsExactlyInAnyOrder("analyst", "viewer");
        assertThat(Roles.implied("viewer")).containsExactly("viewer");
        assertThat(Roles.implied("offline_access")).isEmpty();
    }
}
