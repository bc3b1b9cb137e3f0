package org.balloon.access;

import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;

/**
 * The local signing key pair of a stack without an identity provider: an RSA 2048 key made by the
 * JDK, kept as PEM files in one directory. The private key is written with mode 0600 and never
 * leaves the machine; the services only read the public key.
 */
public final class TokenKeys {

    public static final String PRIVATE_KEY = "token-signing-key.pem";
    public static final String PUBLIC_KEY = "token-public-key.pem";

    private TokenKeys() {
    }

    /** Creates the pair in {@code dir} unless it is there already. @return true when it was created */
    public static boolean ensure(Path dir) throws IOException {
        if (Files.exists(dir.resolve(PRIVATE_KEY)) && Files.exists(dir.resolve(PUBLIC_KEY))) {
            return false;
        }
        Files.createDirectories(dir);
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make an RSA key pair", e);
        }
        // the public key last: a reader that sees it also finds the private key
        write(dir, PRIVATE_KEY, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
        write(dir, PUBLIC_KEY, pem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
        return true;
    }

    public static PrivateKey privateKey(Path dir) throws IOException {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(dir.resolve(PRIVATE_KEY)));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read " + dir.resolve(PRIVATE_KEY), e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void write(Path dir, String name, String content, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        try {
            if (secret) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, content);
            try {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(name));
            }
        } catch (FileAlreadyExistsException e) {
            // another process made it first: keep theirs
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
