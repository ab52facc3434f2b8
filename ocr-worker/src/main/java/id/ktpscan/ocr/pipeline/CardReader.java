package id.ktpscan.ocr.pipeline;

import id.ktpscan.contracts.CheckResult;
import id.ktpscan.contracts.KtpField;
import id.ktpscan.contracts.RetryReason;
import id.ktpscan.contracts.ScanOutcome;
import id.ktpscan.contracts.events.ExtractedField;
import id.ktpscan.ocr.area.AreaDirectory;
import id.ktpscan.ocr.card.CardFinder;
import id.ktpscan.ocr.card.QualityGate;
import id.ktpscan.ocr.card.Rectifier;
import id.ktpscan.ocr.layout.CardLayout;
import id.ktpscan.ocr.layout.Label;
import id.ktpscan.ocr.layout.Token;
import id.ktpscan.ocr.validate.FieldReader;
import id.ktpscan.ocr.validate.NikRules;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Reads one photo at a time on the calling thread: decode → find the card → rectify → quality gate
 * → detect and recognise text → layout → normalise and validate → decide. Not thread-safe; one per
 * thread.
 *
 * <p>The decision protects partners from silent errors: a card is EXTRACTED only when the NIK is
 * well-formed with a real area code, the birth date is confirmed by the NIK (or unreadable on the
 * card and taken from a valid NIK), and the name was read with enough confidence. Otherwise the
 * user is asked for another photo, with the most specific reason the pipeline has.
 */
public final class CardReader implements AutoCloseable {

  /** Labels a KTP shows; fewer found in both orientations means another kind of card. */
  static final int MIN_LABELS = 4;

  /** Below this the name is not delivered as fact. */
  static final double MIN_NAME_CONFIDENCE = 0.80;

  private final TextSource text;
  private final QualityGate gate;
  private final FieldReader fieldReader;
  private final int maxSide;
  private final CardFinder finder = new CardFinder();
  private final Rectifier rectifier = new Rectifier();
  private final CardLayout layout = new CardLayout();

  CardReader(TextSource text, AreaDirectory areas, QualityGate gate, int maxSide, int year) {
    this.text = text;
    this.gate = gate;
    this.maxSide = maxSide;
    this.fieldReader = new FieldReader(areas, year);
  }

  /** Reads a JPEG or PNG photo. */
  public CardScan scan(byte[] image) throws UnreadableImageException {
    Stopwatch clock = new Stopwatch();
    Mat photo = decode(image);
    clock.lap("decode");
    try {
      return scan(photo, clock);
    } finally {
      photo.release();
    }
  }

  /** Reads a decoded BGR photo (the caller keeps ownership of {@code photo}). */
  public CardScan scan(Mat photo) {
    return scan(photo, new Stopwatch());
  }

  /**
   * Reads an already rectified, upright card of the canonical size (a flat render): no card finding
   * and no quality gate. The benchmark uses it to show the recogniser's own limit.
   */
  public CardScan scanFlatCard(Mat card) {
    Stopwatch clock = new Stopwatch();
    Mat canonical = new Mat();
    Imgproc.resize(
        card, canonical, new Size(CardLayout.WIDTH, CardLayout.HEIGHT), 0, 0, Imgproc.INTER_AREA);
    try {
      Attempt attempt = read(canonical, clock);
      if (!looksLikeKtp(attempt)) {
        return retry(List.of(RetryReason.NOT_KTP), List.of(), clock);
      }
      return decide(fieldReader.read(attempt.layout()), List.of(), clock);
    } finally {
      canonical.release();
    }
  }

  private CardScan scan(Mat photo, Stopwatch clock) {
    Optional<CardFinder.Quad> quad = finder.find(photo);
    clock.lap("findCard");
    if (quad.isEmpty()) {
      return retry(List.of(RetryReason.NO_CARD), List.of(), clock);
    }
    Rectifier.Rectified rectified = rectifier.rectify(photo, quad.get().corners());
    Mat card = rectified.card();
    try {
      clock.lap("rectify");
      QualityGate.Verdict verdict = gate.check(photo, quad.get().corners(), card);
      clock.lap("quality");
      if (!verdict.blocking().isEmpty()) {
        return retry(verdict.blocking(), verdict.flags(), clock);
      }
      Attempt attempt = read(card, clock);
      if (!looksLikeKtp(attempt)) {
        // The photo side can mislead (a pale photo, a coloured background): try the half turn.
        Core.rotate(card, card, Core.ROTATE_180);
        Attempt turned = read(card, clock);
        if (turned.layout().labelsFound().size() > attempt.layout().labelsFound().size()) {
          attempt = turned;
        }
      }
      if (!looksLikeKtp(attempt)) {
        return retry(List.of(RetryReason.NOT_KTP), verdict.flags(), clock);
      }
      FieldReader.Reading reading = fieldReader.read(attempt.layout());
      clock.lap("validate");
      return decide(reading, verdict.flags(), clock);
    } finally {
      card.release();
    }
  }

  private record Attempt(CardLayout.Result layout) {}

  private Attempt read(Mat card, Stopwatch clock) {
    List<Token> tokens = text.read(card);
    clock.lap("ocr");
    CardLayout.Result result = layout.assign(tokens);
    clock.lap("layout");
    return new Attempt(result);
  }

  private static boolean looksLikeKtp(Attempt attempt) {
    var found = attempt.layout().labelsFound();
    return found.size() >= MIN_LABELS || (found.contains(Label.NIK) && found.size() >= 2);
  }

  private CardScan decide(FieldReader.Reading reading, List<RetryReason> flags, Stopwatch clock) {
    Map<String, CheckResult> checks = reading.checks();
    boolean nikOk =
        reading.value(KtpField.NIK) != null
            && checks.get(NikRules.FORMAT) == CheckResult.PASS
            && checks.get(NikRules.AREA) == CheckResult.PASS
            && checks.get(NikRules.GENDER) != CheckResult.FAIL;
    boolean birthOk =
        reading.value(KtpField.BIRTH_DATE) != null
            && (checks.get(NikRules.BIRTH_DATE) == CheckResult.PASS
                || checks.get(FieldReader.BIRTH_DATE_FROM_NIK) == CheckResult.PASS);
    boolean nameOk =
        reading.value(KtpField.NAME) != null
            && reading.confidence(KtpField.NAME) >= MIN_NAME_CONFIDENCE;
    double confidence =
        Math.min(
            reading.confidence(KtpField.NIK),
            Math.min(reading.confidence(KtpField.NAME), reading.confidence(KtpField.BIRTH_DATE)));
    Map<String, Long> timings = clock.total();
    if (nikOk && birthOk && nameOk) {
      return new CardScan(
          ScanOutcome.EXTRACTED, List.of(), reading.fields(), confidence, checks, flags, timings);
    }
    List<RetryReason> reasons = flags.isEmpty() ? List.of(RetryReason.UNREADABLE) : flags;
    return new CardScan(
        ScanOutcome.RETRY_REQUIRED, reasons, reading.fields(), confidence, checks, flags, timings);
  }

  private CardScan retry(List<RetryReason> reasons, List<RetryReason> flags, Stopwatch clock) {
    Map<KtpField, ExtractedField> none = new EnumMap<>(KtpField.class);
    for (KtpField f : KtpField.values()) {
      none.put(f, new ExtractedField(null, 0));
    }
    return new CardScan(
        ScanOutcome.RETRY_REQUIRED, reasons, none, 0, Map.of(), flags, clock.total());
  }

  private Mat decode(byte[] image) throws UnreadableImageException {
    if (image == null || image.length == 0) {
      throw new UnreadableImageException("empty image");
    }
    MatOfByte bytes = new MatOfByte(image);
    // IMREAD_COLOR applies the EXIF orientation, so a phone's portrait photo arrives upright.
    Mat photo = Imgcodecs.imdecode(bytes, Imgcodecs.IMREAD_COLOR);
    bytes.release();
    if (photo == null || photo.empty()) {
      throw new UnreadableImageException("not a decodable JPEG or PNG");
    }
    int side = Math.max(photo.cols(), photo.rows());
    if (side > maxSide) {
      double scale = (double) maxSide / side;
      Imgproc.resize(
          photo,
          photo,
          new Size(Math.round(photo.cols() * scale), Math.round(photo.rows() * scale)),
          0,
          0,
          Imgproc.INTER_AREA);
    }
    return photo;
  }

  @Override
  public void close() {
    text.close();
  }

  /** Milliseconds per stage, in order. */
  static final class Stopwatch {
    private final long start = System.nanoTime();
    private long last = start;
    private final Map<String, Long> laps = new LinkedHashMap<>();

    void lap(String stage) {
      long now = System.nanoTime();
      laps.merge(stage, (now - last) / 1_000_000, Long::sum);
      last = now;
    }

    Map<String, Long> total() {
      Map<String, Long> out = new LinkedHashMap<>(laps);
      out.put("total", (System.nanoTime() - start) / 1_000_000);
      return out;
    }
  }
}
