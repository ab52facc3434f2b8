package id.ktpscan.token.service;

import id.ktpscan.token.config.TokenConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer credentials that come from Secrets rather than from tokens: the admin credential and one
 * credential per calling service. Comparisons take constant time.
 */
@ApplicationScoped
public class StaticCredentials {

  static final int MIN_LENGTH = 32;

  private final Optional<String> admin;
  private final Map<String, String> secretsByService;

  public StaticCredentials(TokenConfig config) {
    this.admin = config.adminToken().filter(token -> !token.isBlank());
    if (admin.isPresent() && admin.get().length() < MIN_LENGTH) {
      throw new IllegalArgumentException("ktp.token.admin-token must be at least 32 characters");
    }
    this.secretsByService = parseServiceKeys(config.serviceKeys().orElse(""));
  }

  /** Whether an admin credential is configured at all. */
  public boolean adminApiEnabled() {
    return admin.isPresent();
  }

  public boolean isAdmin(String presented) {
    return admin.isPresent() && same(presented, admin.get());
  }

  /** The name of the service whose credential was presented. */
  public Optional<String> serviceFor(String presented) {
    for (Map.Entry<String, String> service : secretsByService.entrySet()) {
      if (same(presented, service.getValue())) {
        return Optional.of(service.getKey());
      }
    }
    return Optional.empty();
  }

  static Map<String, String> parseServiceKeys(String spec) {
    Map<String, String> parsed = new LinkedHashMap<>();
    for (String entry : spec.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int colon = trimmed.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("ktp.token.service-keys entries must be name:secret");
      }
      String secret = trimmed.substring(colon + 1);
      if (secret.length() < MIN_LENGTH) {
        throw new IllegalArgumentException(
            "the service key of "
                + trimmed.substring(0, colon)
                + " must be at least 32 characters");
      }
      parsed.put(trimmed.substring(0, colon), secret);
    }
    return Map.copyOf(parsed);
  }

  private static boolean same(String presented, String expected) {
    return presented != null
        && MessageDigest.isEqual(
            presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
