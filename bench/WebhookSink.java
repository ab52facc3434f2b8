import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.io.FileWriter;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fast webhook receiver for the callback benchmark: answers every POST with 204 and appends
 * "eventId arrivalMillis lagMillis" (lag: arrival minus the event's occurredAt) to a file.
 * Usage: java bench/WebhookSink.java PORT OUTFILE
 */
public class WebhookSink {

  private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"([^\"]+)\"");
  private static final Pattern OCCURRED = Pattern.compile("\"occurredAt\":\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    BufferedWriter out = new BufferedWriter(new FileWriter(args[1], true));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          long now = System.currentTimeMillis();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
          Matcher id = EVENT_ID.matcher(body);
          Matcher occurred = OCCURRED.matcher(body);
          if (id.find() && occurred.find()) {
            long lag = now - Instant.parse(occurred.group(1)).toEpochMilli();
            synchronized (out) {
              out.write(id.group(1) + " " + now + " " + lag + "\n");
              out.flush();
            }
          }
        });
    server.start();
    System.out.println("listening on " + port);
  }
}
