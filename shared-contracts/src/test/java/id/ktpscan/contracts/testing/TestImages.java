package id.ktpscan.contracts.testing;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Synthetic photos for upload tests: a light-blue card with text-like strokes, no real data. */
public final class TestImages {

  private TestImages() {}

  public static byte[] jpeg(int width, int height, long seed) {
    return encode(draw(width, height, seed), "jpg");
  }

  public static byte[] png(int width, int height, long seed) {
    return encode(draw(width, height, seed), "png");
  }

  private static BufferedImage draw(int width, int height, long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(90 + random.nextInt(40), 90, 80));
    g.fillRect(0, 0, width, height);
    int cardWidth = width * 4 / 5;
    int cardHeight = (int) (cardWidth / 1.586);
    int x = (width - cardWidth) / 2;
    int y = Math.max(0, (height - cardHeight) / 2);
    g.setColor(new Color(180, 215, 235));
    g.fillRoundRect(x, y, cardWidth, cardHeight, 20, 20);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, cardHeight / 18)));
    for (int line = 0; line < 12; line++) {
      g.drawString(
          "SYNTHETIC " + Long.toString(random.nextLong(), 36).toUpperCase(),
          x + 20,
          y + 30 + line * cardHeight / 14);
    }
    // Noise keeps JPEG sizes photo-like.
    for (int i = 0; i < width * height / 40; i++) {
      image.setRGB(random.nextInt(width), random.nextInt(height), random.nextInt());
    }
    g.dispose();
    return image;
  }

  private static byte[] encode(BufferedImage image, String format) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
