package id.ktpscan.contracts.testing;

import com.fasterxml.jackson.databind.JsonNode;
import id.ktpscan.contracts.json.KtpJson;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The real token-gateway, started from its packaged jar as a separate process on a free port, so
 * that other services' tests exchange real HTTP with it: partners, partner tokens, user tokens, the
 * JWKS. It uses the test database and Redis database of the token-gateway test profile.
 */
public class TokenGatewayProcess implements QuarkusTestResourceLifecycleManager {

  public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef0123";
  public static final String SERVICE_KEY = "test-service-key-0123456789abcdef01234";

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Process process;
  private static String baseUrl;

  /** A partner's credentials as the admin API returns them. */
  public record Partner(String partnerId, String clientId, String passkey) {}

  @Override
  public synchronized Map<String, String> start() {
    if (process == null || !process.isAlive()) {
      launch();
    }
    return Map.of(
        "ktp.iab.tokens.token-gateway-url", baseUrl,
        "ktp.callback.tokens.token-gateway-url", baseUrl);
  }

  @Override
  public void stop() {
    // Kept running across test classes of the module (each restart would cost seconds); the JVM
    // shutdown hook below ends it.
  }

  private static void launch() {
    Path jar = Ports.repoRoot().resolve("token-gateway/target/quarkus-app/quarkus-run.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build token-gateway first (mvn verify from the root does)");
    }
    int port = Ports.free();
    Path log = Path.of("target", "token-gateway-process.log").toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/token_gateway_test");
    env.put("QUARKUS_DATASOURCE_USERNAME", "token_gateway");
    env.put("QUARKUS_DATASOURCE_PASSWORD", "token_gateway");
    env.put("QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:6379/1");
    env.put("KTP_TOKEN_KEY_ENCRYPTION_KEYS", "test1:dGVzdC1vbmx5LWtleS1lbmNyeXB0aW9uLWtleS0zMmI=");
    env.put("KTP_TOKEN_ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("KTP_TOKEN_SERVICE_KEYS", "iab-gateway:" + SERVICE_KEY);
    env.put("KTP_TOKEN_PASSKEY_ITERATIONS", "20000");
    env.put("KTP_TOKEN_RATE_LIMIT_ATTEMPTS", "100000");
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start token-gateway", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
    baseUrl = "http://127.0.0.1:" + port;
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("token-gateway exited; see " + log);
      }
      try {
        if (get("/q/health/ready").statusCode() == 200) {
          return;
        }
      } catch (IllegalStateException e) {
        // not listening yet
      }
      Ports.sleep(300);
    }
    throw new IllegalStateException("token-gateway did not become ready; see " + log);
  }

  public static String baseUrl() {
    return baseUrl;
  }

  /** Creates a partner through the admin API. */
  public static Partner createPartner(String name) {
    JsonNode body =
        json(
            send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/admin/v1/partners"))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")),
                201));
    return new Partner(
        body.get("partnerId").asText(),
        body.get("clientId").asText(),
        body.get("passkey").asText());
  }

  /** A fresh partner token. */
  public static String partnerToken(Partner partner) {
    String request =
        "{\"client_id\":\"" + partner.clientId() + "\",\"passkey\":\"" + partner.passkey() + "\"}";
    return json(send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/v1/partner/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request)),
            200))
        .get("access_token")
        .asText();
  }

  /** A user token for a flow of the partner, as iab-gateway would obtain it. */
  public static String userToken(String partnerId, String flowId, String correlationId) {
    String request =
        "{\"partnerId\":\""
            + partnerId
            + "\",\"flowId\":\""
            + flowId
            + "\",\"correlationId\":\""
            + correlationId
            + "\"}";
    return json(send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/internal/v1/user-tokens"))
                .header("Authorization", "Bearer " + SERVICE_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request)),
            201))
        .get("access_token")
        .asText();
  }

  /** A new partner with a token, for tests that only need to act as some partner. */
  public static String newPartnerToken() {
    return partnerToken(createPartner("Test Partner " + UUID.randomUUID()));
  }

  private static HttpResponse<String> get(String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String send(HttpRequest.Builder request, int expected) {
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(
            "token-gateway answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(String body) {
    try {
      return KtpJson.mapper().readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
