package id.ktpscan.contracts.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real single-node Kafka broker (KRaft) of the test's own, run from the jars {@code ./ktp infra
 * up} resolves into {@code .ktp/kafka/libs}, on free ports and a temporary log directory. A test
 * may stop it and start it again (same data) to watch a service ride out a broker outage.
 */
public class PrivateKafka implements QuarkusTestResourceLifecycleManager {

  private static Path home;
  private static int port;
  private static int controllerPort;
  private static Process process;

  @Override
  public Map<String, String> start() {
    try {
      home = Files.createTempDirectory("ktp-private-kafka");
      port = Ports.free();
      controllerPort = Ports.free();
      Files.writeString(home.resolve("server.properties"), serverProperties());
      Files.writeString(home.resolve("log4j2.properties"), "rootLogger.level=WARN\n");
      run(
          List.of(
              "kafka.tools.StorageTool",
              "format",
              "-t",
              uuid(),
              "-c",
              home.resolve("server.properties").toString()),
          Duration.ofSeconds(60));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    startBroker();
    return Map.of("kafka.bootstrap.servers", bootstrapServers());
  }

  @Override
  public void stop() {
    stopBroker();
  }

  public static String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public static synchronized void startBroker() {
    try {
      process =
          new ProcessBuilder(
                  command(List.of("kafka.Kafka", home.resolve("server.properties").toString())))
              .redirectErrorStream(true)
              .redirectOutput(home.resolve("broker.log").toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Ports.awaitOpen(port, Duration.ofSeconds(60), "private Kafka broker");
  }

  public static synchronized void stopBroker() {
    if (process != null) {
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
      // The broker is gone once its port is closed.
      while (Ports.open(port)) {
        Ports.sleep(100);
      }
    }
  }

  private static String serverProperties() {
    return String.join(
        "\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "log.dirs=" + home.resolve("data"),
        "num.partitions=1",
        "auto.create.topics.enable=false",
        "offsets.topic.replication.factor=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "message.max.bytes=16777216",
        "");
  }

  private static List<String> command(List<String> mainAndArgs) {
    Path libs = Ports.repoRoot().resolve(".ktp/kafka/libs");
    if (!Files.isDirectory(libs)) {
      throw new IllegalStateException(libs + " is missing: run ./ktp infra up once");
    }
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "java",
                "-Xmx384m",
                "-cp",
                libs + "/*",
                "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties")));
    command.addAll(mainAndArgs);
    return command;
  }

  private static void run(List<String> mainAndArgs, Duration timeout) throws IOException {
    Process tool =
        new ProcessBuilder(command(mainAndArgs))
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("tool.log").toFile())
            .start();
    try {
      if (!tool.waitFor(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
          || tool.exitValue() != 0) {
        throw new IllegalStateException(
            "Kafka tool failed: " + Files.readString(home.resolve("tool.log")));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String uuid() {
    while (true) {
      UUID id = UUID.randomUUID();
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16);
      buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
      String encoded =
          java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
      // The storage tool would take a leading '-' for an option, as Kafka's own ids avoid too.
      if (!encoded.startsWith("-")) {
        return encoded;
      }
    }
  }
}
