package id.ktpscan.ocr.synth;

import static id.ktpscan.ocr.synth.Draw.uniform;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Random;

/**
 * The non-text parts of a card: the security background, the holder's photo and the signature. They
 * matter to a reader as clutter: guilloche lines under the text, a coloured block next to the
 * values, and pen strokes near the issue date.
 */
final class CardArt {

  private CardArt() {}

  /** Light blue-to-green gradient with fine wave lines and a rosette, faint enough to read over. */
  static void background(Graphics2D g, int width, int height, Random rnd) {
    Color top =
        new Color(
            (int) uniform(188, 212, rnd),
            (int) uniform(220, 236, rnd),
            (int) uniform(236, 250, rnd));
    Color bottom =
        new Color(
            (int) uniform(200, 222, rnd),
            (int) uniform(232, 246, rnd),
            (int) uniform(208, 228, rnd));
    g.setPaint(
        new GradientPaint(0, (float) uniform(0, height * 0.3, rnd), top, width, height, bottom));
    g.fillRect(0, 0, width, height);

    g.setStroke(new BasicStroke(0.9f));
    int families = 2 + rnd.nextInt(2);
    for (int f = 0; f < families; f++) {
      Color line = tint(f % 2 == 0 ? top : bottom, -(int) uniform(16, 30, rnd), 100);
      g.setColor(line);
      double amplitude = uniform(6, 22, rnd);
      double wavelength = uniform(70, 190, rnd);
      double spacing = uniform(7, 12, rnd);
      double phaseStep = uniform(0.05, 0.35, rnd);
      double slope = uniform(-0.15, 0.15, rnd);
      for (int k = 0; k * spacing < height + 2 * amplitude + width * Math.abs(slope); k++) {
        Path2D.Double path = new Path2D.Double();
        double y0 = k * spacing - amplitude - (slope > 0 ? width * slope : 0);
        for (int x = 0; x <= width; x += 8) {
          double y =
              y0 + slope * x + amplitude * Math.sin(2 * Math.PI * x / wavelength + k * phaseStep);
          if (x == 0) {
            path.moveTo(x, y);
          } else {
            path.lineTo(x, y);
          }
        }
        g.draw(path);
      }
    }
    rosette(
        g,
        uniform(width * 0.45, width * 0.65, rnd),
        uniform(height * 0.45, height * 0.6, rnd),
        uniform(120, 190, rnd),
        tint(top, -30, 70),
        rnd);
  }

  private static void rosette(
      Graphics2D g, double cx, double cy, double radius, Color color, Random rnd) {
    g.setColor(color);
    g.setStroke(new BasicStroke(0.7f));
    int lobes = 12 + rnd.nextInt(12);
    double inner = uniform(0.25, 0.45, rnd);
    Path2D.Double path = new Path2D.Double();
    int steps = 1440;
    for (int i = 0; i <= steps; i++) {
      double t = 2 * Math.PI * i / steps;
      double r = radius * (1 - inner + inner * Math.cos(lobes * t) * Math.cos(3 * t));
      double x = cx + r * Math.cos(t);
      double y = cy + r * Math.sin(t) * 0.8;
      if (i == 0) {
        path.moveTo(x, y);
      } else {
        path.lineTo(x, y);
      }
    }
    g.draw(path);
  }

  /** A passport-style photo: red or blue ground, a grey head-and-shoulders figure. */
  static void portrait(Graphics2D g, Rectangle box, Random rnd) {
    Shape old = g.getClip();
    g.clip(new RoundRectangle2D.Double(box.x, box.y, box.width, box.height, 6, 6));
    Color ground =
        rnd.nextBoolean()
            ? new Color(
                (int) uniform(180, 225, rnd),
                (int) uniform(20, 55, rnd),
                (int) uniform(30, 60, rnd))
            : new Color(
                (int) uniform(20, 60, rnd),
                (int) uniform(80, 130, rnd),
                (int) uniform(180, 225, rnd));
    g.setPaint(
        new GradientPaint(box.x, box.y, tint(ground, 18, 255), box.x, box.y + box.height, ground));
    g.fill(box);

    double cx = box.getCenterX() + uniform(-box.width * 0.05, box.width * 0.05, rnd);
    double headW = box.width * uniform(0.36, 0.44, rnd);
    double headH = headW * uniform(1.22, 1.35, rnd);
    double headTop = box.y + box.height * uniform(0.14, 0.22, rnd);
    int skin = (int) uniform(140, 185, rnd);
    Area body =
        new Area(
            new Ellipse2D.Double(
                cx - box.width * 0.55, headTop + headH * 1.05, box.width * 1.1, box.height * 0.9));
    g.setPaint(
        new GradientPaint(
            box.x,
            (float) (box.y + box.height * 0.7),
            gray(skin - 70),
            box.x,
            box.y + box.height,
            gray(skin - 95)));
    g.fill(body);
    g.setColor(gray(skin - 10));
    g.fill(
        new Rectangle.Double(cx - headW * 0.22, headTop + headH * 0.8, headW * 0.44, headH * 0.4));
    g.setColor(gray(skin));
    g.fill(new Ellipse2D.Double(cx - headW / 2, headTop, headW, headH));
    g.setColor(gray(skin - 110));
    Area hair =
        new Area(
            new Ellipse2D.Double(
                cx - headW * 0.54, headTop - headH * 0.06, headW * 1.08, headH * 0.55));
    hair.subtract(
        new Area(
            new Ellipse2D.Double(
                cx - headW * 0.44, headTop + headH * 0.2, headW * 0.88, headH * 0.9)));
    g.fill(hair);
    g.setClip(old);
  }

  /** A pen signature: a few connected loops and a final stroke. */
  static void signature(Graphics2D g, double cx, double cy, double width, Color ink, Random rnd) {
    g.setColor(ink);
    g.setStroke(
        new BasicStroke(
            (float) uniform(1.6, 2.6, rnd), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    Path2D.Double path = new Path2D.Double();
    double x = cx - width / 2;
    double y = cy + uniform(-6, 6, rnd);
    path.moveTo(x, y);
    int loops = 3 + rnd.nextInt(4);
    double step = width / loops;
    for (int i = 0; i < loops; i++) {
      double nx = x + step * uniform(0.7, 1.2, rnd);
      double ny = cy + uniform(-10, 10, rnd);
      path.curveTo(
          x + step * uniform(0.2, 0.9, rnd),
          y - uniform(12, 30, rnd),
          nx - step * uniform(0.6, 1.4, rnd),
          ny + uniform(8, 24, rnd),
          nx,
          ny);
      x = nx;
      y = ny;
    }
    path.quadTo(
        x + step * 0.3,
        y + uniform(-12, 12, rnd),
        cx - width * uniform(0.3, 0.6, rnd),
        y + uniform(4, 14, rnd));
    g.draw(path);
  }

  static Color tint(Color base, int delta, int alpha) {
    return new Color(
        clamp(base.getRed() + delta),
        clamp(base.getGreen() + delta),
        clamp(base.getBlue() + delta),
        alpha);
  }

  private static Color gray(int level) {
    int v = clamp(level);
    return new Color(v, v, v);
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
