package io.ltvcascade.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The key format {@code ltv_<prefix>_<secret>}: a 12-hex-digit lookup prefix and a 256-bit random secret.
 * Keys are high-entropy, so a SHA-256 of the whole key is a safe stored form; comparison is constant-time.
 */
public final class KeySecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Every authenticated request hashes its key: one digest per thread instead of a provider lookup per call. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(KeySecrets::sha256);

    private KeySecrets() {}

    /** A new random key in the public format. */
    public static String generate() {
        byte[] prefix = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(prefix);
        RANDOM.nextBytes(secret);
        return "ltv_" + HexFormat.of().formatHex(prefix) + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The lookup prefix of a presented key, or empty when it is not in the key format. */
    public static Optional<String> prefixOf(String key) {
        if (key == null || !key.startsWith("ltv_") || key.length() < 4 + 12 + 1 + 16 || key.charAt(16) != '_') {
            return Optional.empty();
        }
        return Optional.of(key.substring(4, 16));
    }

    public static byte[] hash(String key) {
        return SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8)); // digest() also resets it
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Compares in time independent of where the hashes differ. */
    public static boolean matches(String presented, byte[] storedHash) {
        return MessageDigest.isEqual(hash(presented), storedHash);
    }
}
