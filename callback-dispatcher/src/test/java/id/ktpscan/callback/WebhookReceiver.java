package id.ktpscan.callback;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for partners' webhook endpoints: each path behaves as told (answer
 * 2xx, fail a number of times first, never answer, answer 410) and records what it received.
 */
final class WebhookReceiver implements AutoCloseable {

  /** What one request carried. */
  record Received(Instant at, Map<String, List<String>> headers, String body) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** How a path answers. */
  record Behaviour(int failuresFirst, int failureStatus, boolean hangs, int successStatus) {
    static Behaviour ok() {
      return new Behaviour(0, 500, false, 200);
    }

    static Behaviour failThenOk(int failures) {
      return new Behaviour(failures, 503, false, 204);
    }

    static Behaviour hang() {
      return new Behaviour(0, 0, true, 0);
    }

    static Behaviour gone() {
      return new Behaviour(Integer.MAX_VALUE, 410, false, 0);
    }
  }

  private final HttpServer server;
  private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
  private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          received
              .computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
              .add(new Received(Instant.now(), Map.copyOf(exchange.getRequestHeaders()), body));
          Behaviour behaviour = behaviours.getOrDefault(path, Behaviour.ok());
          int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          if (behaviour.hangs()) {
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
          }
          int status =
              n <= behaviour.failuresFirst()
                  ? behaviour.failureStatus()
                  : behaviour.successStatus();
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  /** A URL on this receiver whose path answers as told. */
  String url(String path, Behaviour behaviour) {
    behaviours.put(path, behaviour);
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Received> received(String path) {
    return received.getOrDefault(path, List.of());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
