package id.ktpscan.ocr.synth;

import static id.ktpscan.ocr.synth.Draw.pick;
import static id.ktpscan.ocr.synth.Draw.uniform;

import id.ktpscan.contracts.KtpField;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Cards of the same size that are not e-KTPs: a bank card, a driving licence (SIM) and a membership
 * card. They share words, a photo, a 16-digit number or the holder's data with a KTP, which is what
 * makes "not a KTP" a real decision rather than a missing-text check. Issuers are fictitious.
 */
final class OtherCardRenderer {

  /** The kinds of card drawn. */
  enum Kind {
    BANK,
    DRIVING_LICENCE,
    MEMBERSHIP
  }

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
  private static final int W = CardRenderer.WIDTH;
  private static final int H = CardRenderer.HEIGHT;

  private OtherCardRenderer() {}

  static RenderedCard render(Kind kind, Identity id, Random rnd) {
    BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      CardFonts.Family family = pick(CardFonts.text(), rnd);
      switch (kind) {
        case BANK -> bank(g, family, id, rnd);
        case DRIVING_LICENCE -> licence(g, family, id, rnd);
        case MEMBERSHIP -> membership(g, family, id, rnd);
      }
    } finally {
      g.dispose();
    }
    return new RenderedCard(image, Map.of(), List.of());
  }

  private static void bank(Graphics2D g, CardFonts.Family family, Identity id, Random rnd) {
    Color base =
        pick(
            List.of(
                new Color(16, 38, 92),
                new Color(110, 16, 32),
                new Color(24, 24, 28),
                new Color(168, 132, 60),
                new Color(12, 92, 84)),
            rnd);
    g.setPaint(new GradientPaint(0, 0, base.brighter(), W, H, base.darker()));
    g.fillRect(0, 0, W, H);
    g.setColor(new Color(255, 255, 255, 30));
    for (int i = 0; i < 6; i++) {
      double r = uniform(200, 600, rnd);
      g.fill(new Ellipse2D.Double(uniform(0, W, rnd) - r / 2, uniform(0, H, rnd) - r / 2, r, r));
    }
    g.setColor(Color.WHITE);
    g.setFont(family.bold().deriveFont(42f));
    g.drawString(
        pick(List.of("BANK NUSA SENTOSA", "BANK ARTHA RAYA", "BANK MITRA SEJAHTERA"), rnd), 60, 95);
    g.setFont(family.regular().deriveFont(22f));
    g.drawString(pick(List.of("DEBIT", "PLATINUM", "GOLD", "TABUNGANKU"), rnd), 60, 130);
    chip(g, 90, 210);
    String number = digits(16, rnd).replaceAll("(\\d{4})(?!$)", "$1 ");
    Font embossed = pick(CardFonts.digits(), rnd).bold().deriveFont(54f);
    g.setFont(embossed);
    g.setColor(new Color(0, 0, 0, 120));
    g.drawString(number, 62, 412);
    g.setColor(new Color(235, 235, 225));
    g.drawString(number, 60, 410);
    g.setFont(family.regular().deriveFont(18f));
    g.drawString("VALID", 380, 455);
    g.drawString("THRU", 380, 475);
    g.setFont(embossed.deriveFont(30f));
    g.drawString(String.format("%02d/%02d", 1 + rnd.nextInt(12), 26 + rnd.nextInt(6)), 450, 475);
    g.drawString(id.get(KtpField.NAME), 60, 550);
    g.setColor(new Color(255, 255, 255, 200));
    g.setStroke(new BasicStroke(6f));
    for (int i = 0; i < 3; i++) {
      g.drawLine(800 + i * 40, 580, 850 + i * 40, 480);
    }
    g.setFont(family.bold().deriveFont(26f));
    g.drawString("DEBIT", 800, 610);
  }

  private static void licence(Graphics2D g, CardFonts.Family family, Identity id, Random rnd) {
    g.setPaint(new GradientPaint(0, 0, new Color(250, 236, 214), W, H, new Color(236, 214, 224)));
    g.fillRect(0, 0, W, H);
    g.setColor(new Color(200, 60, 60));
    g.fillRect(0, 0, W, 110);
    g.setColor(Color.WHITE);
    g.setFont(family.bold().deriveFont(38f));
    g.drawString("SURAT IZIN MENGEMUDI", 200, 60);
    g.setFont(family.bold().deriveFont(24f));
    g.drawString("INDONESIA", 200, 95);
    g.setFont(family.bold().deriveFont(86f));
    g.drawString(pick(List.of("A", "C", "B I"), rnd), 800, 90);
    CardArt.portrait(g, new Rectangle(40, 150, 190, 250), rnd);
    Color ink = new Color(30, 30, 30);
    g.setColor(ink);
    Font label = family.regular().deriveFont(20f);
    Font value = family.bold().deriveFont(20f);
    String[][] rows = {
      {"1. Nama", id.get(KtpField.NAME)},
      {"2. Tempat & Tgl. Lahir", id.get(KtpField.BIRTH_PLACE) + ", " + id.birthDate().format(DATE)},
      {
        "3. Gol. Darah - Jenis Kelamin",
        id.get(KtpField.BLOOD_TYPE) + " - " + (id.female() ? "WANITA" : "PRIA")
      },
      {"4. Alamat", id.get(KtpField.ADDRESS)},
      {"", id.get(KtpField.VILLAGE) + ", " + id.get(KtpField.DISTRICT)},
      {"5. Pekerjaan", id.get(KtpField.OCCUPATION)},
      {"6. No. SIM", digits(4, rnd) + "-" + digits(4, rnd) + "-" + digits(6, rnd)},
      {"7. Berlaku s.d.", id.issueDate().plusYears(5).format(DATE)},
    };
    double y = 175;
    for (String[] row : rows) {
      g.setFont(label);
      g.drawString(row[0], 260, (float) y);
      g.setFont(fit(g, value, row[1], W - 40 - 560));
      g.drawString(row[1], 560, (float) y);
      y += 45;
    }
    CardArt.signature(g, 135, 480, 140, ink, rnd);
  }

  private static void membership(Graphics2D g, CardFonts.Family family, Identity id, Random rnd) {
    Color band =
        pick(List.of(new Color(20, 110, 60), new Color(30, 80, 160), new Color(200, 120, 20)), rnd);
    g.setColor(new Color(248, 248, 244));
    g.fillRect(0, 0, W, H);
    g.setColor(band);
    g.fillRect(0, 0, W, 130);
    g.fillRect(0, H - 40, W, 40);
    g.setColor(Color.WHITE);
    g.setFont(family.bold().deriveFont(40f));
    g.drawString("KARTU ANGGOTA", 40, 60);
    g.setFont(family.regular().deriveFont(24f));
    g.drawString(
        pick(
            List.of(
                "PERPUSTAKAAN DAERAH " + id.issueCity(),
                "KOPERASI SIMPAN PINJAM MAJU BERSAMA",
                "KLUB KEBUGARAN SEHAT SELALU"),
            rnd),
        40,
        105);
    CardArt.portrait(g, new Rectangle(770, 160, 180, 235), rnd);
    g.setColor(new Color(25, 25, 25));
    Font label = family.regular().deriveFont(22f);
    String[][] rows = {
      {"No. Anggota", digits(4, rnd) + "." + digits(5, rnd)},
      {"Nama", id.get(KtpField.NAME)},
      {"Alamat", id.get(KtpField.ADDRESS)},
      {"Kota", id.issueCity()},
      {"Berlaku s/d", id.issueDate().plusYears(3).format(DATE)},
    };
    double y = 190;
    for (String[] row : rows) {
      g.setFont(label);
      g.drawString(row[0], 40, (float) y);
      g.drawString(":", 210, (float) y);
      g.setFont(fit(g, label, row[1], 520));
      g.drawString(row[1], 230, (float) y);
      y += 44;
    }
    g.setFont(label);
    double x = 40;
    while (x < 560) {
      double bar = uniform(2, 7, rnd);
      g.fill(new Rectangle.Double(x, 470, bar, 90));
      x += bar + uniform(2, 7, rnd);
    }
  }

  private static void chip(Graphics2D g, double x, double y) {
    g.setColor(new Color(212, 178, 96));
    g.fill(new RoundRectangle2D.Double(x, y, 120, 92, 18, 18));
    g.setColor(new Color(150, 120, 60));
    g.setStroke(new BasicStroke(2f));
    g.draw(new RoundRectangle2D.Double(x + 30, y + 18, 60, 56, 10, 10));
    g.drawLine((int) x, (int) y + 46, (int) x + 30, (int) y + 46);
    g.drawLine((int) x + 90, (int) y + 46, (int) x + 120, (int) y + 46);
  }

  private static Font fit(Graphics2D g, Font font, String text, double maxWidth) {
    double width = font.getStringBounds(text, g.getFontRenderContext()).getWidth();
    return width <= maxWidth
        ? font
        : font.deriveFont(java.awt.geom.AffineTransform.getScaleInstance(maxWidth / width, 1));
  }

  private static String digits(int count, Random rnd) {
    StringBuilder out = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      out.append((char) ('0' + rnd.nextInt(10)));
    }
    return out.toString();
  }
}
