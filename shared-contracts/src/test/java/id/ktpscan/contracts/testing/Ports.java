package id.ktpscan.contracts.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Small helpers for test fixtures that run real servers as processes. */
public final class Ports {

  private Ports() {}

  public static int free() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean open(int port) {
    try (Socket ignored = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static void awaitOpen(int port, Duration timeout, String what) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (open(port)) {
        return;
      }
      sleep(200);
    }
    throw new IllegalStateException(what + " did not open port " + port + " within " + timeout);
  }

  /** The checkout's root directory, passed by Surefire as {@code ktp.repo.root}. */
  public static Path repoRoot() {
    String root = System.getProperty("ktp.repo.root");
    if (root == null) {
      throw new IllegalStateException(
          "system property ktp.repo.root is not set (run through Maven)");
    }
    return Path.of(root);
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
