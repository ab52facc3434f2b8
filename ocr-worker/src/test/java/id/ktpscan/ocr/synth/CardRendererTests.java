package id.ktpscan.ocr.synth;

import static id.ktpscan.ocr.synth.SynthFixtures.GENERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.ktpscan.contracts.KtpField;
import java.awt.Rectangle;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CardRendererTests {

  @Test
  void cardHasTheFixedSizeAndABoxInsideItForEveryField() {
    Rectangle card = new Rectangle(0, 0, CardRenderer.WIDTH, CardRenderer.HEIGHT);
    for (int seed = 0; seed < 4; seed++) {
      Random rnd = new Random(seed);
      RenderedCard rendered = new CardRenderer().render(GENERATOR.next(rnd), rnd);
      assertEquals(1000, rendered.image().getWidth());
      assertEquals(630, rendered.image().getHeight());
      assertEquals(KtpField.values().length, rendered.boxes().size());
      for (var box : rendered.boxes().entrySet()) {
        assertTrue(card.contains(box.getValue()), () -> box.getKey() + " " + box.getValue());
        assertTrue(box.getValue().height > 0 && box.getValue().width > 0, box.getKey()::toString);
      }
    }
  }

  @Test
  void sameSeedRendersSamePixels() {
    Identity identity = GENERATOR.next(new Random(5));
    int[] a = pixels(new CardRenderer().render(identity, new Random(9)));
    int[] b = pixels(new CardRenderer().render(identity, new Random(9)));
    assertTrue(Arrays.equals(a, b));
  }

  @Test
  void rowsFollowThePrintedOrder() {
    Random rnd = new Random(3);
    RenderedCard rendered = new CardRenderer().render(GENERATOR.next(rnd), rnd);
    KtpField[] order = {
      KtpField.PROVINCE,
      KtpField.CITY,
      KtpField.NIK,
      KtpField.NAME,
      KtpField.BIRTH_DATE,
      KtpField.GENDER,
      KtpField.ADDRESS,
      KtpField.RT_RW,
      KtpField.VILLAGE,
      KtpField.DISTRICT,
      KtpField.RELIGION,
      KtpField.MARITAL_STATUS,
      KtpField.OCCUPATION,
      KtpField.NATIONALITY,
      KtpField.VALID_UNTIL
    };
    for (int i = 1; i < order.length; i++) {
      assertTrue(
          rendered.boxes().get(order[i]).getCenterY()
              > rendered.boxes().get(order[i - 1]).getCenterY(),
          order[i]::toString);
    }
  }

  private static int[] pixels(RenderedCard card) {
    return ((DataBufferInt) card.image().getRaster().getDataBuffer()).getData();
  }
}
