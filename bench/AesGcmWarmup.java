import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How long AES-256-GCM takes per 300 KB photo while the JIT warms up: six rounds of 300
 * encryptions, as iab-gateway does them (a new Cipher per photo). Run: java bench/AesGcmWarmup.java
 */
public class AesGcmWarmup {
  public static void main(String[] args) throws Exception {
    SecureRandom random = new SecureRandom();
    byte[] key = new byte[32];
    byte[] photo = new byte[300_000];
    random.nextBytes(key);
    random.nextBytes(photo);
    SecretKeySpec spec = new SecretKeySpec(key, "AES");
    for (int round = 1; round <= 6; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < 300; i++) {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, iv));
        cipher.updateAAD(new byte[16]);
        cipher.doFinal(photo);
      }
      System.out.printf("round %d: %.2f ms per 300 KB photo%n", round, (System.nanoTime() - start) / 1e6 / 300);
    }
  }
}
