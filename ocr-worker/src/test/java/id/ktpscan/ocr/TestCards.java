package id.ktpscan.ocr;

import id.ktpscan.ocr.area.AreaDirectory;
import id.ktpscan.ocr.synth.CardRenderer;
import id.ktpscan.ocr.synth.Identity;
import id.ktpscan.ocr.synth.IdentityGenerator;
import id.ktpscan.ocr.synth.RenderedCard;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Synthetic e-KTP photos for tests: a generated card lying flat on a plain table. */
public final class TestCards {

  /** A photo and the identity printed on its card. */
  public record TestCard(Identity identity, byte[] jpeg) {}

  private static AreaDirectory areas;

  private TestCards() {}

  public static synchronized TestCard flatOnTable(long seed) {
    if (areas == null) {
      areas = AreaDirectory.load();
    }
    Random rnd = new Random(seed);
    Identity identity = new IdentityGenerator(areas).next(rnd);
    RenderedCard card = new CardRenderer().render(identity, rnd);
    BufferedImage photo = new BufferedImage(1400, 1000, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = photo.createGraphics();
    g.setColor(new Color(72, 58, 46));
    g.fillRect(0, 0, photo.getWidth(), photo.getHeight());
    g.drawImage(card.image(), 200, 185, null);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(photo, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TestCard(identity, out.toByteArray());
  }
}
