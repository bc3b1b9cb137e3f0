package org.balloon.access;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token tool of {@code bin/balloon}:
 * <pre>
 *   keys  --dir DIR                                   make the key pair once
 *   mint  --dir DIR --role ROLE --name NAME [--ttl 30d] [--issuer I] [--audience A]
 * </pre>
 * {@code mint} prints the token and nothing else on stdout, so scripts can take it as it is.
 */
public final class TokenMain {

    private static final Pattern TTL = Pattern.compile("(\\d{1,6})([smhd])");

    private TokenMain() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("balloon token: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String[] args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: keys --dir DIR | mint --dir DIR --role ROLE --name NAME [--ttl 30d]");
        }
        Map<String, String> options = options(args);
        Path dir = Path.of(required(options, "dir"));
        switch (args[0]) {
            case "keys" -> {
                if (TokenKeys.ensure(dir)) {
                    System.err.println("balloon token: made a signing key pair in " + dir);
                }
                return 0;
            }
            case "mint" -> {
                TokenKeys.ensure(dir);
                TokenIssuer issuer = new TokenIssuer(TokenKeys.privateKey(dir),
                        options.getOrDefault("issuer", TokenIssuer.LOCAL_ISSUER),
                        options.getOrDefault("audience", TokenIssuer.LOCAL_AUDIENCE));
                System.out.println(issuer.mint(required(options, "role"), required(options, "name"),
                        ttl(options.getOrDefault("ttl", "30d"))));
                return 0;
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0] + " (keys or mint)");
        }
    }

    /** 90s, 15m, 12h, 30d. */
    static Duration ttl(String text) {
        Matcher m = TTL.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--ttl must be a number and s, m, h or d (e.g. 30d), not " + text);
        }
        long n = Long.parseLong(m.group(1));
        Duration ttl = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (ttl.isZero() || ttl.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException("--ttl must be more than 0 and at most 366d");
        }
        return ttl;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
