import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Writes a synthetic photo of a card-shaped object for demos and benchmarks: `java
 * tools/demo/SyntheticPhoto.java out.jpg [width height [noise]]`; more background noise makes a
 * larger JPEG. It carries no real person's data.
 */
public class SyntheticPhoto {

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: java SyntheticPhoto.java OUT.jpg [WIDTH HEIGHT [NOISE]]");
      System.exit(2);
    }
    int width = args.length > 2 ? Integer.parseInt(args[1]) : 1280;
    int height = args.length > 2 ? Integer.parseInt(args[2]) : 960;
    int noise = args.length > 3 ? Integer.parseInt(args[3]) : 40;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    java.util.Random random = new java.util.Random(42);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int v = 60 + random.nextInt(noise);
        image.setRGB(x, y, new Color(v, v - 10, v - 20).getRGB());
      }
    }
    int cardWidth = width * 3 / 4;
    int cardHeight = (int) (cardWidth / 1.586);
    int left = (width - cardWidth) / 2;
    int top = (height - cardHeight) / 2;
    g.setColor(new Color(178, 214, 233));
    g.fillRoundRect(left, top, cardWidth, cardHeight, 24, 24);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, cardHeight / 18));
    g.drawString("PROVINSI CONTOH", left + cardWidth / 3, top + cardHeight / 10);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, cardHeight / 24));
    String[] lines = {"NIK : 0000000000000000", "Nama : CONTOH SINTETIS", "Alamat : JL. CONTOH NO. 1"};
    for (int i = 0; i < lines.length; i++) {
      g.drawString(lines[i], left + cardWidth / 20, top + cardHeight / 4 + i * cardHeight / 10);
    }
    g.dispose();
    ImageIO.write(image, "jpg", new File(args[0]));
  }
}
