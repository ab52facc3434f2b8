package id.ktpscan.ocr.synth;

import id.ktpscan.contracts.KtpField;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A flat card as printed, {@link CardRenderer#WIDTH} × {@link CardRenderer#HEIGHT}, with where each
 * value's ink lies on it: for debugging a reader's layout, and for effects that must hit one field
 * (glare over the NIK).
 *
 * @param image the card, RGB
 * @param boxes the tight box around each printed value, in card pixels
 * @param texts every string printed on the card (header, labels, colons, values, the photo column's
 *     city and date) with its tight box, in drawing order: the ground truth of a text recogniser's
 *     training lines
 */
public record RenderedCard(
    BufferedImage image, Map<KtpField, Rectangle> boxes, List<PrintedText> texts) {

  /** One string as drawn, and the tight box around its ink in card pixels. */
  public record PrintedText(String text, Rectangle box) {}

  public RenderedCard {
    boxes = boxes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(boxes));
    texts = List.copyOf(texts);
  }
}
