package id.ktpscan.ocr.synth;

import java.awt.geom.Point2D;
import java.util.List;

/**
 * A synthetic phone photo and where the card lies in it.
 *
 * @param jpeg the encoded photo
 * @param width photo width in pixels
 * @param height photo height in pixels
 * @param corners the card's corners in the photo in the card's own order (top-left, top-right,
 *     bottom-right, bottom-left of the printed card, whichever way up it lies); may lie outside the
 *     photo for a cropped card; empty when the photo holds no card
 * @param effects names of the degradations applied, e.g. {@code glare}, {@code strong_blur}
 * @param rotation the card's clockwise rotation in degrees: a quarter turn (0/90/180/270) plus a
 *     small angle
 * @param difficulty the difficulty the photo was made for
 */
public record Photo(
    byte[] jpeg,
    int width,
    int height,
    List<Point2D.Double> corners,
    List<String> effects,
    double rotation,
    Difficulty difficulty) {

  public Photo {
    corners = List.copyOf(corners);
    effects = List.copyOf(effects);
  }
}
