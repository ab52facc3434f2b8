package id.ktpscan.ocr.synth;

import static id.ktpscan.ocr.synth.Draw.pick;
import static id.ktpscan.ocr.synth.Draw.uniform;

import id.ktpscan.contracts.KtpField;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Renders the canonical flat e-KTP: header, the label–colon–value block in the printed order, and
 * the photo column. Face, sizes, ink, column positions and row pitch vary with the seed by a few
 * pixels, as they do between print runs and card printers, so that a reader cannot rely on exact
 * pixel positions of the canonical card; only the order and the rough geometry are fixed.
 */
public final class CardRenderer {

  /** Canonical card width in pixels (ID-1, about 11.7 px per mm). */
  public static final int WIDTH = 1000;

  /** Canonical card height in pixels (ID-1 aspect 85.60 / 53.98). */
  public static final int HEIGHT = 630;

  private static final DateTimeFormatter PRINTED_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
  private static final String WIDEST_LABEL = "Status Perkawinan";

  /** Renders the card of {@code identity}; {@code rnd} decides only the style, not the content. */
  public RenderedCard render(Identity identity, Random caller) {
    Random rnd = Draw.fork(caller);
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      CardArt.background(g, WIDTH, HEIGHT, rnd);
      Map<KtpField, Rectangle> boxes = new EnumMap<>(KtpField.class);
      List<RenderedCard.PrintedText> texts = new ArrayList<>();
      new Layout(g, identity, rnd, boxes, texts).draw();
      return new RenderedCard(image, boxes, texts);
    } finally {
      g.dispose();
    }
  }

  /** The style drawn for one card and the drawing of its parts. */
  private static final class Layout {
    private final Graphics2D g;
    private final Identity id;
    private final Random rnd;
    private final Map<KtpField, Rectangle> boxes;
    private final List<RenderedCard.PrintedText> texts;
    private final FontRenderContext frc;
    private final Font header;
    private final Font label;
    private final Font value;
    private final Font nikLabel;
    private final Font nikValue;
    private final Color ink;
    private final double labelX;
    private final double colonX;
    private final double valueX;
    private final Rectangle photo;

    Layout(
        Graphics2D g,
        Identity id,
        Random rnd,
        Map<KtpField, Rectangle> boxes,
        List<RenderedCard.PrintedText> texts) {
      this.g = g;
      this.id = id;
      this.rnd = rnd;
      this.boxes = boxes;
      this.texts = texts;
      this.frc = g.getFontRenderContext();
      CardFonts.Family family = pick(CardFonts.text(), rnd);
      float size = (float) uniform(19, 21.5, rnd);
      header = family.bold().deriveFont((float) uniform(24, 28, rnd));
      label = family.regular().deriveFont(size);
      value = family.regular().deriveFont(size + (float) uniform(-0.3, 0.5, rnd));
      float nikSize = (float) uniform(29, 34, rnd);
      nikLabel = family.bold().deriveFont(nikSize);
      List<CardFonts.Family> nikFaces = new ArrayList<>(CardFonts.digits());
      nikFaces.add(family);
      nikValue = pick(nikFaces, rnd).bold().deriveFont(nikSize);
      int level = (int) uniform(0, 55, rnd);
      ink = new Color(level, level, Math.min(255, level + (int) uniform(0, 18, rnd)));
      labelX = uniform(24, 40, rnd);
      colonX = labelX + width(WIDEST_LABEL, label) + uniform(10, 26, rnd);
      valueX = colonX + uniform(11, 18, rnd);
      int photoW = (int) uniform(188, 206, rnd);
      photo =
          new Rectangle(
              (int) uniform(722, 752, rnd),
              (int) uniform(138, 160, rnd),
              photoW,
              (int) (photoW * uniform(1.28, 1.36, rnd)));
    }

    void draw() {
      g.setColor(ink);
      double line1 = uniform(40, 48, rnd);
      double line2 = line1 + uniform(30, 35, rnd);
      String provinceText = "PROVINSI " + id.printedValue(KtpField.PROVINCE);
      Rectangle provinceLine = centred(provinceText, header, line1);
      boxes.put(
          KtpField.PROVINCE, suffixBox(provinceLine, provinceText, "PROVINSI ", header, line1));
      boxes.put(KtpField.CITY, centred(id.printedValue(KtpField.CITY), header, line2));

      double nikY = line2 + uniform(48, 58, rnd);
      text("NIK", nikLabel, labelX + jitter(1.5), nikY, Double.MAX_VALUE);
      text(":", nikLabel, colonX, nikY, Double.MAX_VALUE);
      boxes.put(KtpField.NIK, text(id.get(KtpField.NIK), nikValue, valueX, nikY, 600));

      double maxValue = photo.x - 14 - valueX;
      List<String> address = wrap(id.printedValue(KtpField.ADDRESS), maxValue);
      int rows = 12 + address.size();
      double first = nikY + uniform(38, 46, rnd);
      double pitch = Math.min(uniform(31.5, 35.5, rnd), (HEIGHT - 26 - first) / (rows - 1));
      double indent = uniform(18, 30, rnd);
      double y = first;

      boxes.put(KtpField.NAME, row("Nama", 0, id.printedValue(KtpField.NAME), y, maxValue));
      y += pitch;
      birthRow(y, maxValue);
      y += pitch;
      boxes.put(KtpField.GENDER, row("Jenis Kelamin", 0, id.printedValue(KtpField.GENDER), y, 220));
      bloodType(y);
      y += pitch;
      Rectangle addressBox = row("Alamat", 0, address.get(0), y, maxValue);
      for (int i = 1; i < address.size(); i++) {
        y += pitch;
        addressBox = addressBox.union(text(address.get(i), value, valueX + jitter(1), y, maxValue));
      }
      boxes.put(KtpField.ADDRESS, addressBox);
      y += pitch;
      boxes.put(KtpField.RT_RW, row("RT/RW", indent, id.printedValue(KtpField.RT_RW), y, maxValue));
      y += pitch;
      boxes.put(
          KtpField.VILLAGE,
          row("Kel/Desa", indent, id.printedValue(KtpField.VILLAGE), y, maxValue));
      y += pitch;
      boxes.put(
          KtpField.DISTRICT,
          row("Kecamatan", indent, id.printedValue(KtpField.DISTRICT), y, maxValue));
      y += pitch;
      boxes.put(
          KtpField.RELIGION, row("Agama", 0, id.printedValue(KtpField.RELIGION), y, maxValue));
      y += pitch;
      boxes.put(
          KtpField.MARITAL_STATUS,
          row("Status Perkawinan", 0, id.printedValue(KtpField.MARITAL_STATUS), y, maxValue));
      y += pitch;
      boxes.put(
          KtpField.OCCUPATION,
          row("Pekerjaan", 0, id.printedValue(KtpField.OCCUPATION), y, maxValue));
      y += pitch;
      boxes.put(
          KtpField.NATIONALITY,
          row("Kewarganegaraan", 0, id.printedValue(KtpField.NATIONALITY), y, maxValue));
      y += pitch;
      boxes.put(
          KtpField.VALID_UNTIL,
          row(
              "Berlaku Hingga",
              0,
              printedDate(id.printedValue(KtpField.VALID_UNTIL)),
              y,
              maxValue));
      photoColumn();
    }

    private void birthRow(double y, double maxValue) {
      String place = id.printedValue(KtpField.BIRTH_PLACE);
      String date = printedDate(id.get(KtpField.BIRTH_DATE));
      String text = place + ", " + date;
      label("Tempat/Tgl Lahir", 0, y);
      double x = valueX + jitter(2);
      double y0 = y + jitter(1.2);
      Font font = fitted(text, value, maxValue);
      g.drawString(text, (float) x, (float) y0);
      printed(text, bounds(text, font, x, y0));
      boxes.put(KtpField.BIRTH_PLACE, bounds(place, font, x, y0));
      boxes.put(KtpField.BIRTH_DATE, bounds(date, font, x + width(place + ", ", font), y0));
    }

    private void bloodType(double y) {
      double x = valueX + uniform(225, 265, rnd);
      double y0 = y + jitter(1.2);
      text("Gol. Darah", label, x, y0, Double.MAX_VALUE);
      double colon = x + width("Gol. Darah", label) + uniform(7, 14, rnd);
      text(":", label, colon, y0, Double.MAX_VALUE);
      boxes.put(
          KtpField.BLOOD_TYPE,
          text(id.printedValue(KtpField.BLOOD_TYPE), value, colon + uniform(9, 15, rnd), y0, 80));
    }

    private void photoColumn() {
      CardArt.portrait(g, photo, rnd);
      g.setColor(ink);
      Font small = value.deriveFont(value.getSize2D() * (float) uniform(0.82, 0.92, rnd));
      double cx = photo.getCenterX() + jitter(4);
      double cityY = photo.getMaxY() + uniform(26, 34, rnd);
      double maxWidth = 2 * Math.min(cx - photo.x + 18, WIDTH - 12 - cx);
      centredAt(id.issueCity(), small, cx, cityY, maxWidth);
      double dateY = cityY + uniform(22, 27, rnd);
      centredAt(id.issueDate().format(PRINTED_DATE), small, cx, dateY, maxWidth);
      Color pen = rnd.nextBoolean() ? ink : new Color(20, 30, (int) uniform(90, 140, rnd));
      CardArt.signature(
          g, cx, dateY + uniform(38, 50, rnd), photo.width * uniform(0.6, 0.85, rnd), pen, rnd);
      g.setColor(ink);
    }

    private Rectangle row(String name, double indent, String text, double y, double maxWidth) {
      label(name, indent, y);
      return text(text, value, valueX + jitter(2), y + jitter(1.2), maxWidth);
    }

    private void label(String name, double indent, double y) {
      text(name, label, labelX + indent + jitter(1.5), y + jitter(1.2), Double.MAX_VALUE);
      text(":", label, colonX + jitter(1), y + jitter(1.2), Double.MAX_VALUE);
    }

    /** Draws text at a baseline, squeezed horizontally when wider than allowed, as printers do. */
    private Rectangle text(String text, Font font, double x, double baseline, double maxWidth) {
      Font fitted = fitted(text, font, maxWidth);
      g.drawString(text, (float) x, (float) baseline);
      return printed(text, bounds(text, fitted, x, baseline));
    }

    private Font fitted(String text, Font font, double maxWidth) {
      double width = width(text, font);
      Font fitted =
          width > maxWidth
              ? font.deriveFont(AffineTransform.getScaleInstance(maxWidth / width, 1))
              : font;
      g.setFont(fitted);
      return fitted;
    }

    private Rectangle centred(String text, Font font, double baseline) {
      return centredAt(text, font, WIDTH / 2.0 + jitter(3), baseline, WIDTH - 60);
    }

    private Rectangle centredAt(String text, Font font, double cx, double baseline, double maxW) {
      Font fitted = fitted(text, font, maxW);
      double x = cx - width(text, fitted) / 2;
      g.drawString(text, (float) x, (float) baseline);
      return printed(text, bounds(text, fitted, x, baseline));
    }

    private Rectangle printed(String text, Rectangle box) {
      texts.add(new RenderedCard.PrintedText(text, box));
      return box;
    }

    private Rectangle suffixBox(
        Rectangle whole, String text, String prefix, Font font, double baseline) {
      Font fitted = fitted(text, font, WIDTH - 60);
      double x = whole.x - bounds(text, fitted, 0, baseline).x;
      return bounds(text.substring(prefix.length()), fitted, x + width(prefix, fitted), baseline);
    }

    private List<String> wrap(String text, double maxWidth) {
      if (width(text, value) <= maxWidth) {
        return List.of(text);
      }
      String[] words = text.split(" ");
      StringBuilder first = new StringBuilder(words[0]);
      int i = 1;
      while (i < words.length && width(first + " " + words[i], value) <= maxWidth) {
        first.append(' ').append(words[i++]);
      }
      if (i == words.length) {
        return List.of(text);
      }
      return List.of(first.toString(), String.join(" ", List.of(words).subList(i, words.length)));
    }

    private Rectangle bounds(String text, Font font, double x, double baseline) {
      Rectangle2D visual = font.createGlyphVector(frc, text).getVisualBounds();
      return new Rectangle2D.Double(
              x + visual.getX(), baseline + visual.getY(), visual.getWidth(), visual.getHeight())
          .getBounds();
    }

    private double width(String text, Font font) {
      return font.getStringBounds(text, frc).getWidth();
    }

    private double jitter(double amplitude) {
      return uniform(-amplitude, amplitude, rnd);
    }

    private static String printedDate(String value) {
      return value.matches("\\d{4}-\\d{2}-\\d{2}")
          ? LocalDate.parse(value).format(PRINTED_DATE)
          : value;
    }
  }
}
