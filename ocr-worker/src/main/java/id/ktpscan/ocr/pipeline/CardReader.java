package id.ktpscan.ocr.pipeline;

import id.ktpscan.contracts.CheckResult;
import id.ktpscan.contracts.KtpField;
import id.ktpscan.contracts.RetryReason;
import id.ktpscan.contracts.ScanOutcome;
import id.ktpscan.contracts.events.ExtractedField;
import id.ktpscan.ocr.area.AreaDirectory;
import id.ktpscan.ocr.area.CutHeader;
import id.ktpscan.ocr.card.CardFinder;
import id.ktpscan.ocr.card.QualityGate;
import id.ktpscan.ocr.card.Rectifier;
import id.ktpscan.ocr.layout.CardLayout;
import id.ktpscan.ocr.layout.Label;
import id.ktpscan.ocr.layout.Token;
import id.ktpscan.ocr.validate.FieldReader;
import id.ktpscan.ocr.validate.NikRules;
import id.ktpscan.ocr.validate.TextDistance;
import id.ktpscan.ocr.validate.Vocabulary;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
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

  /** Words (three letters or digits at least) that a card of any kind shows at least. */
  static final int MIN_TOKENS_OF_A_CARD = 4;

  /** A finder score that, though below {@link CardFinder#MIN_SCORE}, no empty photo reaches. */
  static final double LIKELY_CARD_SCORE = 0.2;

  /** Mean level (of the blue channel, the darkest under warm light) of a photo too dark to use. */
  static final double DARK_PHOTO = 40;

  /**
   * Grey level that the brightest 1 % of a photo too dark to use stays under. A photo made dark
   * (dim light, under-exposure) is dim everywhere; a dark backdrop with a few bright things on it
   * is not, and a card would show. Over the 160 photos made too dark of the negatives-only sets
   * 1234, 5151, 8080, 9191, 9292, 9393, 9494 and 9595 the brightest 1 % began at 43 at most; the
   * two photos without a card under {@link #DARK_PHOTO} there (9494's 14, 9595's 7) at 76 and 92.
   */
  static final double DARK_PHOTO_HIGHLIGHTS = 60;

  /** Below this the NIK is not delivered as fact (a second view disagreed, or weak reading). */
  static final double MIN_NIK_CONFIDENCE = 0.80;

  /** Confidence kept by a reading that two of three views agree on (one view disagreed). */
  static final double MAJORITY_DISCOUNT = 0.9;

  private final TextSource text;
  private final QualityGate gate;
  private final FieldReader fieldReader;
  private final int maxSide;
  private final CardFinder finder = new CardFinder();
  private final Rectifier rectifier = new Rectifier();
  private final CardLayout layout = new CardLayout();
  private final CutHeader cutHeader;

  CardReader(TextSource text, AreaDirectory areas, QualityGate gate, int maxSide, int year) {
    this.text = text;
    this.gate = gate;
    this.maxSide = maxSide;
    this.fieldReader = new FieldReader(areas, year);
    this.cutHeader = CutHeader.of(areas);
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
      return decide(fieldReader.read(confirmKeys(canonical, attempt.layout())), List.of(), clock);
    } finally {
      canonical.release();
    }
  }

  private CardScan scan(Mat photo, Stopwatch clock) {
    Focus focus = new Focus(photo);
    Optional<CardFinder.Quad> quad = finder.find(photo);
    clock.lap("findCard");
    if (quad.isEmpty()) {
      // Too dark to find an outline in is too dark, whatever it holds: in the dark, the photo's
      // sharpness measure reads low too, and "blurry" would send the user after the wrong fix.
      RetryReason reason =
          tooDark(photo)
              ? RetryReason.TOO_DARK
              : blurryOrNoCard(focus, photo, () -> noCardOrTooSmall(photo));
      return retry(List.of(reason), List.of(), clock);
    }
    return scan(photo, focus, quad.get(), false, clock);
  }

  /**
   * Reads the card {@code quad} outlines in {@code photo}.
   *
   * @param aroundText whether {@code quad} was found around a KTP's text the whole photo shows
   *     ({@link #croppedUnlessFoundAroundText}): such a search is not made twice
   */
  private CardScan scan(
      Mat photo, Focus focus, CardFinder.Quad quad, boolean aroundText, Stopwatch clock) {
    Rectifier.Rectified rectified = rectifier.rectify(photo, quad.corners());
    Mat card = rectified.card();
    try {
      clock.lap("rectify");
      Attempt early = null;
      if (quad.score() < CardFinder.MIN_SCORE) {
        // Barely card-like: read before judging quality. Text without KTP labels is another
        // kind of card; (almost) no text is no card at all.
        if (tooDark(photo)) {
          // Too dark to tell a card from its background.
          return retry(List.of(RetryReason.TOO_DARK), List.of(), clock);
        }
        QualityGate.Verdict cutInASharpPhoto = null;
        if (quad.score() >= LIKELY_CARD_SCORE) {
          // Card-like enough that the photo's quality explains a low score (blur, a tiny card).
          QualityGate.Verdict first = gate.check(photo, quad.corners(), card);
          // In a photo sharp as a whole, a barely card-like shape the gate calls blurry is as
          // likely another card, a patch of background or a KTP cut off by the frame: the reading
          // below tells them apart (a KTP read there still meets the gate again after it).
          boolean blurryInASharpPhoto =
              first.blocking().equals(List.of(RetryReason.BLURRY)) && focus.sharp();
          // A barely card-like shape the frame cuts is as uncertain: a sheet of paper at the
          // photo's edge scores so too (seed 8585's negative 28, 0.226, answered CROPPED); the
          // reading below tells a cut KTP (its text) from a shape with no text at all.
          if (cutOrAlsoBlurred(first) && focus.sharp()) {
            cutInASharpPhoto = first;
          }
          if (first.blocking().equals(List.of(RetryReason.GLARE)) && focus.sharp()) {
            // Seed 9494's membership card (negatives-only run), barely card-like at 0.378.
            Optional<RetryReason> read = reasonFromReading(first, readUpright(card, clock));
            if (read.isPresent()) {
              return retry(List.of(read.get()), first.flags(), clock);
            }
          }
          if (!first.blocking().isEmpty() && !blurryInASharpPhoto && cutInASharpPhoto == null) {
            if (first.blocking().contains(RetryReason.TOO_SMALL) && focus.sharp()) {
              PhotoText whole = readWholePhoto(photo);
              if (whole.showsKtp()) {
                // Too small to show a KTP's text, yet the photo shows one: the shape is something
                // else, and the KTP is where the finder found no outline, cut off by the frame.
                return croppedUnlessFoundAroundText(
                    photo, focus, whole, aroundText, List.of(), clock);
              }
              if (whole.showsAnotherCard()
                  || (blank(first) && whole.words() >= MIN_TOKENS_OF_A_CARD)) {
                // Labels readable in the photo are no tiny card's: another kind of card lies
                // where the finder found no outline (seed 5151's membership card, negatives-only
                // run, was TOO_SMALL + BLURRY on a small shape beside it). So are words beside a
                // small shape that bears no print: a KTP too small to read still prints sharp where
                // the gate looks (see NO_PRINT_SHARPNESS), and the words are another card's (fresh
                // negatives-only seed 9595's negative 1: a bank card whose chip the finder found,
                // 0.04 there, nine words and no label in the photo).
                return retry(List.of(RetryReason.NOT_KTP), List.of(), clock);
              }
              if (first.blocking().equals(List.of(RetryReason.TOO_SMALL, RetryReason.BLURRY))
                  && (blank(first) || inkless(first))) {
                // A small shape bearing no print, barely card-like, in a sharp photo with hardly a
                // word: a plain patch, unless a tiny card lies elsewhere (fresh seed 3434's
                // negative 14, a plain green rectangle, 0.321, gate sharpness 0.33, and
                // negatives-only seed 9898's negative 112, 0.273, sharpness 1.47 but an ink range
                // of 8, were answered TOO_SMALL + BLURRY).
                return retry(List.of(tinyCardOrNoCard(photo)), List.of(), clock);
              }
            }
            return retry(first.blocking(), first.flags(), clock);
          }
        }
        early = readUpright(card, clock);
        if (!looksLikeKtp(early)) {
          PhotoText whole = readWholePhoto(photo);
          if (whole.showsKtp()) {
            // A KTP's labels are in the photo but its outline is not: the frame cuts it off.
            return croppedUnlessFoundAroundText(photo, focus, whole, aroundText, List.of(), clock);
          }
          // Another card's text counts however few its words in the turn that showed it (seed
          // 9797's negative 22, negatives-only run: a bank card's number read on its side beside
          // two words; nine words upright).
          boolean someText =
              Math.max(early.tokens(), whole.words()) >= MIN_TOKENS_OF_A_CARD
                  || whole.showsAnotherCard();
          if (cutInASharpPhoto != null && someText) {
            // Text, though no KTP's, on a shape the frame cuts: the cut may have taken the KTP's
            // labels, so the answer stays the gate's — unless the photo plainly shows another
            // card (fresh negatives-only seed 7777's negative 57: a membership card cut at its
            // top, KARTU ANGGOTA, Nama and Alamat read, answered CROPPED + BLURRY).
            return whole.showsAnotherCard()
                ? retry(List.of(RetryReason.NOT_KTP), List.of(), clock)
                : retry(cutInASharpPhoto.blocking(), cutInASharpPhoto.flags(), clock);
          }
          RetryReason reason =
              blurryOrNoCard(
                  focus, photo, () -> someText ? RetryReason.NOT_KTP : noCardOrTooSmall(photo));
          return retry(List.of(reason), List.of(), clock);
        }
      }
      QualityGate.Verdict verdict = gate.check(photo, quad.corners(), card);
      clock.lap("quality");
      if (early == null && cutOrAlsoBlurred(verdict) && focus.sharp()) {
        Optional<CardScan> read = readCutShape(verdict, card, photo, focus, aroundText, clock);
        if (read.isPresent()) {
          return read.get();
        }
      }
      if (early == null && blankAndSmall(verdict) && focus.sharp()) {
        // A small card-like shape with no print on it, in a sharp photo, is no card (seed 1234's
        // negative 84, negatives-only run: a plain green rectangle, 0.513, answered TOO_SMALL +
        // BLURRY), unless the photo's text shows a KTP or another card elsewhere.
        PhotoText whole = readWholePhoto(photo);
        return cardElsewhere(photo, focus, whole, aroundText, clock)
            .orElseGet(() -> retry(List.of(RetryReason.NO_CARD), List.of(), clock));
      }
      if (early == null && smallOrAlsoBlurred(verdict) && focus.sharp()) {
        // A small card-like shape bearing print, in a sharp photo, is a tiny card, unless the
        // photo's text shows another card or a KTP away from it: then the finder took a part of
        // that card, or something beside it (fresh negatives-only seed 5858's negative 43: a bank
        // card's corner, 0.919, 254 px, answered TOO_SMALL + BLURRY while the photo shows the
        // card's number). A tiny card's own text, where the whole photo shows it, lies on it.
        PhotoText whole = readWholePhoto(photo);
        if (!onShape(whole.textBox(), quad)) {
          Optional<CardScan> elsewhere = cardElsewhere(photo, focus, whole, aroundText, clock);
          if (elsewhere.isPresent()) {
            return elsewhere.get();
          }
        }
      }
      if ((verdict.blocking().equals(List.of(RetryReason.BLURRY))
              || verdict.blocking().equals(List.of(RetryReason.GLARE)))
          && focus.sharp()) {
        Attempt look = early != null ? early : readUpright(card, clock);
        if (early == null) {
          Optional<RetryReason> read = reasonFromReading(verdict, look);
          if (read.isPresent()) {
            return retry(List.of(read.get()), verdict.flags(), clock);
          }
        }
        if (!aroundText && look.tokens() < MIN_TOKENS_OF_A_CARD) {
          // Hardly a word on the shape, in a sharp photo: the finder may have taken a part of a
          // KTP, or the background beside one, for the card, the KTP cut off by the frame around
          // it (fresh negatives-only seed 9753's negative 19, cut at its bottom: the portrait's
          // block, 0.594; 5656's 26, a patch of background round the card's corner, 0.158, two
          // words; both answered BLURRY). A KTP the whole photo shows away from the shape is that
          // KTP; a blurred KTP's own text, where the whole photo shows it, lies on the shape.
          PhotoText whole = readWholePhoto(photo);
          if (whole.showsKtp() && !onShape(whole.textBox(), quad)) {
            return croppedUnlessFoundAroundText(
                photo, focus, whole, aroundText, verdict.flags(), clock);
          }
        }
      }
      if (!verdict.blocking().isEmpty()) {
        return retry(verdict.blocking(), verdict.flags(), clock);
      }
      Attempt attempt = early != null ? early : readUpright(card, clock);
      if (!looksLikeKtp(attempt)) {
        // Labels unread on a photo that was already borderline: the photo is the likelier cause,
        // unless the photo is sharp and the card plainly reads as another kind of card.
        List<RetryReason> reasons =
            verdict.flags().isEmpty() || plainlyAnotherCard(focus, attempt)
                ? List.of(RetryReason.NOT_KTP)
                : verdict.flags();
        // What was found is not the KTP, yet the photo shows one: cut off by the frame. So too when
        // what was found is small in a sharp photo (seed 9494's negative 68: the portrait of a KTP
        // the frame cut, 438 px wide, answered TOO_SMALL): the shape's own reading showed no KTP,
        // so a KTP the whole photo shows is somewhere else.
        boolean smallShape = reasons.contains(RetryReason.TOO_SMALL) && focus.sharp();
        // And a shape only borderline blurry, without a word on it, in a photo sharp as a whole,
        // is no card at all when a small copy of the photo shows nothing card-like either (seed
        // 9494's negative 105: a sheet of paper with dashes for lines of print, 0.04 there,
        // answered BLURRY). A blurred KTP can read as no words in a photo measured sharp (the
        // same set's 121, 1.841), but its small copy shows the card (0.99).
        // Without a word on it, in a sharp photo, such a shape is read from the whole photo in any
        // case: a KTP the frame cuts shows there while the finder took a sheet of paper beside it
        // for the card (fresh negatives-only seed 7777's negative 19: a sheet 912 px wide, 0.557,
        // passed with the flag, answered BLURRY).
        boolean wordlessShape =
            reasons.equals(List.of(RetryReason.BLURRY))
                && attempt.tokens() < MIN_TOKENS_OF_A_CARD
                && focus.sharp();
        boolean blankShape = wordlessShape && finder.blurredCardScore(photo) < BLURRED_CARD_SCORE;
        if (reasons.equals(List.of(RetryReason.NOT_KTP)) || smallShape || wordlessShape) {
          PhotoText whole = readWholePhoto(photo);
          if (whole.showsKtp() && !verdict.flags().isEmpty() && onShape(whole.textBox(), quad)) {
            // The KTP the whole photo shows is this shape, whole in the frame: what the gate
            // flagged spoiled its reading (fresh negatives-only seed 3141's negative 3, on its
            // side, glare over half of it, 0.885: eleven words and no label on the card, a KTP's
            // labels on the photo turned; answered CROPPED when no outline was found around the
            // text).
            return retry(verdict.flags(), verdict.flags(), clock);
          }
          if (whole.showsKtp()) {
            return croppedUnlessFoundAroundText(
                photo, focus, whole, aroundText, verdict.flags(), clock);
          } else if (blankShape
              && whole.words() < MIN_TOKENS_OF_A_CARD
              && !whole.showsAnotherCard()) {
            reasons = List.of(noCardOrTooSmall(photo));
          }
        }
        return retry(reasons, verdict.flags(), clock);
      }
      FieldReader.Reading reading = fieldReader.read(confirmKeys(card, attempt.layout()));
      clock.lap("validate");
      CardScan scan = decide(reading, verdict.flags(), clock);
      if (early != null
          && (scan.reasons().equals(List.of(RetryReason.UNREADABLE))
              || lastRowsUnread(scan)
              || headerUnread(scan))
          && nearFrameEdge(quad.corners(), photo)) {
        // A KTP's text on a barely card-like outline that runs along the frame's edge: the frame
        // cut the card there, and the outline found is partly the cut (the reading suffered, or
        // the card's last rows, or its header, are not on the photo at all: fresh negatives-only
        // seed 2222's negative 68, cut at its top and right, was extracted without a city and a
        // province).
        return new CardScan(
            ScanOutcome.RETRY_REQUIRED,
            List.of(RetryReason.CROPPED),
            scan.fields(),
            scan.confidence(),
            scan.checks(),
            scan.qualityFlags(),
            scan.timingsMs());
      }
      if (early != null && !aroundText && lastRowsUnread(scan) && focus.sharp()) {
        // Extracted on a barely card-like outline away from the frame, without the card's last
        // rows: the outline may be a part of the card, the rest of it beyond (fresh negatives-only
        // seed 6767's negative 96, cut at its right and bottom: an outline stopping at the
        // portrait's edge and above the last rows, 0.042, was extracted). The card is searched for
        // around the KTP's text the whole photo shows: found whole, it is read again; cut by the
        // frame, or not found, it is CROPPED.
        PhotoText whole = readWholePhoto(photo);
        if (whole.showsKtp()) {
          return croppedUnlessFoundAroundText(
              photo, focus, whole, aroundText, scan.qualityFlags(), clock);
        }
      }
      return scan;
    } finally {
      card.release();
    }
  }

  /**
   * {@code CROPPED} for a KTP the whole photo shows whose outline the finder did not find, unless a
   * search around the KTP's text finds it whole: then the card is read as if found at first.
   *
   * <p>A KTP the frame cuts is the common case, but the finder's search over the whole photo can
   * also take a smaller shape for the card while the KTP lies whole beside it (seed 8080's negative
   * 94, negatives-only run: a KTP with glare over its NIK, on sheets of print, answered {@code
   * CROPPED}; searched around its text, it scored 0.943). Searched so, no KTP the frame cuts was
   * found whole: of the 80 cut negatives of the negatives-only seeds 9595, 9696, 9797 and 9898, one
   * shape scored card-like (0.574), and it ran along the frame's edge (a probe not kept), where the
   * gate answers {@code CROPPED}.
   */
  private CardScan croppedUnlessFoundAroundText(
      Mat photo,
      Focus focus,
      PhotoText whole,
      boolean aroundText,
      List<RetryReason> flags,
      Stopwatch clock) {
    if (!aroundText) {
      Optional<CardFinder.Quad> found = cardAroundText(photo, whole.textBox());
      if (found.isPresent()) {
        return scan(photo, focus, found.get(), true, clock);
      }
    }
    return retry(List.of(RetryReason.CROPPED), flags, clock);
  }

  /**
   * Whether most of a KTP text's box ({@link #TEXT_ON_THE_CARD}, as for {@link #cardAroundText})
   * lies within the box around {@code quad}: the text is that shape's.
   */
  static boolean onShape(Rect textBox, CardFinder.Quad quad) {
    if (textBox == null) {
      return false;
    }
    MatOfPoint points = new MatOfPoint(quad.corners());
    Rect outline = Imgproc.boundingRect(points);
    points.release();
    return intersection(outline, textBox).area() >= TEXT_ON_THE_CARD * textBox.area();
  }

  /** Share of the KTP text's box an outline found around it must cover. */
  static final double TEXT_ON_THE_CARD = 0.8;

  /** The rectangle two rectangles share (empty when none). */
  static Rect intersection(Rect a, Rect b) {
    int x0 = Math.max(a.x, b.x);
    int y0 = Math.max(a.y, b.y);
    int x1 = Math.min(a.x + a.width, b.x + b.width);
    int y1 = Math.min(a.y + a.height, b.y + b.height);
    return x1 > x0 && y1 > y0 ? new Rect(x0, y0, x1 - x0, y1 - y0) : new Rect();
  }

  /** How far past the text's box, as a share of its size on each side, the card is looked for. */
  static final double AROUND_TEXT = 0.3;

  /**
   * A card-like outline ({@link CardFinder#MIN_SCORE}) in the part of {@code photo} around {@code
   * textBox}, in photo coordinates. Whether the frame cuts it is the quality gate's to say, as for
   * an outline the first search found.
   */
  private Optional<CardFinder.Quad> cardAroundText(Mat photo, Rect textBox) {
    if (textBox == null) {
      return Optional.empty();
    }
    int x0 = (int) Math.max(0, textBox.x - AROUND_TEXT * textBox.width);
    int y0 = (int) Math.max(0, textBox.y - AROUND_TEXT * textBox.height);
    int x1 = (int) Math.min(photo.cols(), textBox.br().x + AROUND_TEXT * textBox.width);
    int y1 = (int) Math.min(photo.rows(), textBox.br().y + AROUND_TEXT * textBox.height);
    if (x1 - x0 < gate.minCardWidth() || y1 - y0 < gate.minCardWidth() / 2) {
      return Optional.empty();
    }
    Mat around = photo.submat(new Rect(x0, y0, x1 - x0, y1 - y0));
    try {
      Optional<CardFinder.Quad> quad = finder.find(around);
      if (quad.isEmpty() || quad.get().score() < CardFinder.MIN_SCORE) {
        return Optional.empty();
      }
      Point[] corners = new Point[4];
      for (int k = 0; k < 4; k++) {
        corners[k] = new Point(quad.get().corners()[k].x + x0, quad.get().corners()[k].y + y0);
      }
      // The KTP's text lies on the KTP: an outline around less of it is a part of the card (seed
      // 9393's negative 75, cut by the frame: a 373-px shape on it, 0.542 around its text, which
      // the gate called blurry) or another thing beside it.
      CardFinder.Quad found = new CardFinder.Quad(corners, quad.get().score());
      return onShape(textBox, found) ? Optional.of(found) : Optional.empty();
    } finally {
      around.release();
    }
  }

  /**
   * What a card-like shape the gate blocks as cut by the frame (alone or with blur), in a sharp
   * photo, shows when read; empty when the gate's answer stands. The finder can run a whole card's
   * outline up to the frame (fresh negatives-only seed 7777's negative 29: a membership card whole
   * in the photo, its top edge found along the frame's, 0.79), or fit a card-like outline to a
   * plain shape the frame cuts (fresh 5555's negative 63 is no card: a plain rectangle at the
   * frame's edge, 0.63, gate sharpness 0.64). So:
   *
   * <ul>
   *   <li>a shape that reads as another card — words, two of the labels cards share ({@code Nama},
   *       {@code Alamat}), and no NIK label, {@code PROVINSI} header or label only a KTP prints —
   *       is {@code NOT_KTP}: a KTP the frame cuts keeps some of those (its labels go with its left
   *       side, its NIK and header with its top, and between {@code Nama} and {@code Alamat} on the
   *       card lie only rows every KTP prints);
   *   <li>a shape bearing no print ({@link #NO_PRINT_SHARPNESS}) and no words is read from the
   *       whole photo: a KTP there is cut off elsewhere ({@code CROPPED}, unless found around its
   *       text), another card's labels mean {@code NOT_KTP}, and no words at all, no card.
   * </ul>
   *
   * May leave {@code card} turned; callers refuse the scan either way.
   */
  private Optional<CardScan> readCutShape(
      QualityGate.Verdict verdict,
      Mat card,
      Mat photo,
      Focus focus,
      boolean aroundText,
      Stopwatch clock) {
    Attempt look = readUpright(card, clock);
    if (looksLikeKtp(look)) {
      return Optional.empty();
    }
    var labels = look.layout().labelsFound();
    if (plainlyAnotherCard(focus, look)
        && labels.contains(Label.NAMA)
        && labels.contains(Label.ALAMAT)
        && labels.stream().noneMatch(KTP_ONLY_LABELS::contains)) {
      return Optional.of(retry(List.of(RetryReason.NOT_KTP), List.of(), clock));
    }
    if (blank(verdict) && look.tokens() < MIN_TOKENS_OF_A_CARD) {
      PhotoText whole = readWholePhoto(photo);
      Optional<CardScan> elsewhere = cardElsewhere(photo, focus, whole, aroundText, clock);
      if (elsewhere.isPresent()) {
        return elsewhere;
      }
      if (whole.words() < MIN_TOKENS_OF_A_CARD) {
        return Optional.of(retry(List.of(RetryReason.NO_CARD), List.of(), clock));
      }
    }
    return Optional.empty();
  }

  /**
   * The refusal for a card the whole photo shows beside the shape found: a KTP is cut off by the
   * frame ({@code CROPPED}, unless found whole around its text), another card is {@code NOT_KTP};
   * empty when the photo shows neither.
   */
  private Optional<CardScan> cardElsewhere(
      Mat photo, Focus focus, PhotoText whole, boolean aroundText, Stopwatch clock) {
    if (whole.showsKtp()) {
      return Optional.of(
          croppedUnlessFoundAroundText(photo, focus, whole, aroundText, List.of(), clock));
    }
    if (whole.showsAnotherCard()) {
      return Optional.of(retry(List.of(RetryReason.NOT_KTP), List.of(), clock));
    }
    return Optional.empty();
  }

  /**
   * Whether the gate blocks a shape for the frame's cut, alone or with blur: a sheet of paper the
   * frame cuts can be flagged blurry too, its plain surface showing the gate no sharp print (fresh
   * negatives-only seed 9797's negative 35, 0.346, answered {@code CROPPED} + {@code BLURRY}).
   */
  private static boolean cutOrAlsoBlurred(QualityGate.Verdict verdict) {
    return blockedFor(verdict, RetryReason.CROPPED);
  }

  /** Whether the gate blocks a shape for {@code reason}, alone or with {@code BLURRY}. */
  private static boolean blockedFor(QualityGate.Verdict verdict, RetryReason reason) {
    List<RetryReason> blocking = verdict.blocking();
    return blocking.contains(reason)
        && blocking.stream().allMatch(r -> r == reason || r == RetryReason.BLURRY);
  }

  /**
   * Below this {@link QualityGate.Measures#sharpness} a shape bears no print: a plain patch the
   * finder took for a card. Tiny KTPs, however small, print sharp where the gate measures (the 70
   * the gate called small in negatives-only seeds 9595, 9696, 9797 and 9898: 3.26 and more; a probe
   * not kept); seed 1234's plain green rectangle measured 0.12, a bank card's chip 0.04.
   */
  public static final double NO_PRINT_SHARPNESS = 1.0;

  /** Whether the gate blocks a shape as small, alone or with blur. */
  private static boolean smallOrAlsoBlurred(QualityGate.Verdict verdict) {
    return blockedFor(verdict, RetryReason.TOO_SMALL);
  }

  /** Whether the gate blocks a shape as small and blurry, and it bears no print at all. */
  private static boolean blankAndSmall(QualityGate.Verdict verdict) {
    return verdict.blocking().equals(List.of(RetryReason.TOO_SMALL, RetryReason.BLURRY))
        && blank(verdict);
  }

  /**
   * {@link QualityGate.Measures#nikInkRange} below which a small shape the gate calls blurry bears
   * no print, however sharp the gate measured it (a dark shape, which the gate calls too dark,
   * shows little range either): a tiny KTP's print spans a wide range of grey where the gate looks
   * (the tiny KTPs the finder found in negatives-only seeds 9753, 1111, 9898 and seed 3434's
   * benchmark set: 37 and more; {@code Ink}, a probe not kept), a plain patch a few levels (seed
   * 9898's negative 112: 8, at sharpness 1.47).
   */
  static final double NO_PRINT_INK_RANGE = 20;

  /**
   * Whether the shape the gate measured shows hardly any range of grey ({@link
   * #NO_PRINT_INK_RANGE}).
   */
  private static boolean inkless(QualityGate.Verdict verdict) {
    return verdict.measures().nikInkRange() < NO_PRINT_INK_RANGE;
  }

  /** Whether the shape the gate measured bears no print ({@link #NO_PRINT_SHARPNESS}). */
  private static boolean blank(QualityGate.Verdict verdict) {
    return verdict.measures().sharpness() < NO_PRINT_SHARPNESS;
  }

  /** The fields of a KTP's last rows, below everything a scan needs to be extracted. */
  static final List<KtpField> LAST_ROWS =
      List.of(KtpField.OCCUPATION, KtpField.NATIONALITY, KtpField.VALID_UNTIL);

  /** Whether an extracted scan lacks every field of the card's last rows. */
  static boolean lastRowsUnread(CardScan scan) {
    return allUnread(scan, LAST_ROWS);
  }

  /** The fields of a KTP's header, above everything a scan needs to be extracted. */
  static final List<KtpField> HEADER_ROWS = List.of(KtpField.PROVINCE, KtpField.CITY);

  /** Whether an extracted scan lacks both header lines, the province's and the regency's. */
  static boolean headerUnread(CardScan scan) {
    return allUnread(scan, HEADER_ROWS);
  }

  private static boolean allUnread(CardScan scan, List<KtpField> rows) {
    return scan.outcome() == ScanOutcome.EXTRACTED
        && rows.stream().allMatch(field -> scan.value(field) == null);
  }

  /**
   * Whether the photo as a whole is too dark to tell a card from its background: dim on average and
   * in its brightest parts (seed 9494's negative 14, a dark backdrop without a card, answered
   * TOO_DARK on its mean alone).
   */
  private static boolean tooDark(Mat photo) {
    return Core.mean(photo).val[0] < DARK_PHOTO
        && QualityGate.greyPercentile(photo, 0.99) < DARK_PHOTO_HIGHLIGHTS;
  }

  /** Share of the photo's shorter side within which a corner counts as at the frame's edge. */
  static final double NEAR_EDGE = 0.03;

  /**
   * Whether a corner of the outline lies within {@link #NEAR_EDGE} of the frame's edge: wider than
   * the quality gate's "touches the border" (which blocks outright), for outlines the finder could
   * barely fit, whose corners land a little inside the frame where the card was cut.
   */
  static boolean nearFrameEdge(org.opencv.core.Point[] corners, Mat photo) {
    return QualityGate.cornerWithin(
        corners, photo, NEAR_EDGE * Math.min(photo.cols(), photo.rows()));
  }

  /**
   * What a card's own text says, for a card the quality gate blocked for blur or for glare alone in
   * a photo sharp as a whole; empty when it leaves the gate's reason standing. The gate judges a
   * KTP's NIK row: its sharpness, weighed by how dark the ink is there, and how blown out it is.
   *
   * <ul>
   *   <li>Another kind of card ({@code NOT_KTP}) can look blurry or washed out there (a membership
   *       card is white under its coloured header, seed 9494's negatives-only run), and its text
   *       tells the truth better: it reads as words and shows no label only a KTP prints ({@link
   *       #KTP_ONLY_LABELS}). Called blurry, it must not read as a KTP ({@link #looksLikeKtp});
   *       called washed out, it must show neither the NIK label nor the {@code PROVINSI} header. A
   *       KTP whose NIK row glare covers still shows its other labels: of the 167 negatives made
   *       with glare in the negatives-only sets 1234, 5151, 8080, 9191, 9292, 9393, 9494 and 9595
   *       and seed 8585's benchmark set, 163 were blocked for glare alone in a sharp photo, and
   *       every one read ten labels at least, all six KTP-only ones among them (a probe not kept).
   *   <li>A KTP whose NIK row and header glare hid, measured blurry for it ({@code GLARE}): the
   *       gate flags glare, the card reads KTP-only labels but not the NIK label (seed 9595's
   *       negative 122, answered {@code NOT_KTP}).
   * </ul>
   *
   * @param look the card read upright ({@link #readUpright}; may leave the card turned, and callers
   *     refuse the scan either way)
   */
  private static Optional<RetryReason> reasonFromReading(
      QualityGate.Verdict verdict, Attempt look) {
    var labels = look.layout().labelsFound();
    boolean ktpOnly = labels.stream().anyMatch(KTP_ONLY_LABELS::contains);
    boolean blurry = verdict.blocking().equals(List.of(RetryReason.BLURRY));
    boolean noKtpTop = !labels.contains(Label.NIK) && look.layout().provinceLine() == null;
    if (!ktpOnly
        && look.tokens() >= MIN_TOKENS_OF_A_CARD
        && (blurry ? !looksLikeKtp(look) : noKtpTop)) {
      return Optional.of(RetryReason.NOT_KTP);
    }
    if (blurry
        && ktpOnly
        && !labels.contains(Label.NIK)
        && verdict.flags().contains(RetryReason.GLARE)) {
      return Optional.of(RetryReason.GLARE);
    }
    return Optional.empty();
  }

  /**
   * Whether a card without a KTP's labels is another kind of card rather than a KTP the photo
   * spoiled: the photo is sharp as a whole, the card reads as text, and neither the NIK label nor
   * the PROVINSI header is among it (a membership card with {@code Nama} and {@code Alamat} on it,
   * which the gate's borderline blur flag used to send back as "blurry").
   */
  private static boolean plainlyAnotherCard(Focus focus, Attempt attempt) {
    return attempt.tokens() >= MIN_TOKENS_OF_A_CARD
        && !attempt.layout().labelsFound().contains(Label.NIK)
        && attempt.layout().provinceLine() == null
        && focus.sharp();
  }

  /**
   * {@code NO_CARD} for a sharp photo in which nothing card-like was found, unless the photo,
   * searched again in tiles, holds a card-like outline narrower than the gate's minimum: then the
   * card is there but too small for the search over the whole photo, and the user's fix is to come
   * closer ({@code TOO_SMALL}), not to look for a card (seed 9191's negatives-only run: all three
   * of its wrong reasons were tiny cards answered {@code NO_CARD}).
   *
   * <p>Asked through {@link #blurryOrNoCard}: in a blurred photo, {@link RetryReason#BLURRY} comes
   * first unless not even a small copy of the photo shows anything card-like, since a blurred card
   * loses the edges and the text that tell it from the background or from another card, and "hold
   * the camera still" is the advice that helps.
   */
  private RetryReason noCardOrTooSmall(Mat photo) {
    Optional<CardFinder.Quad> small = finder.findSmall(photo, gate.minCardWidth());
    if (small.isEmpty()) {
      return RetryReason.NO_CARD;
    }
    // A card prints, however small (NO_PRINT_SHARPNESS): a blank shape card-like in a tile is none
    // (seed 1234's negative 63, negatives-only run: a grey parallelogram 132 px wide, 0.592 in the
    // tiled search's second pass, gate sharpness 0.24).
    return blank(gateOn(photo, small.get())) ? RetryReason.NO_CARD : RetryReason.TOO_SMALL;
  }

  /**
   * {@link #noCardOrTooSmall}, with one more place to look for a tiny card: the small copy of the
   * photo ({@link CardFinder#blurredCard}), where a tiny card pale on a dark backdrop can be found
   * while neither search on the photo finds it (negatives-only seed 1111's negative 62: a KTP 180
   * px wide, 0.87 on the small copy, gate sharpness 7.8 there, beside a blank blue rectangle the
   * finder took). The quad found there must be card-like ({@link CardFinder#MIN_SCORE}), narrower
   * than the gate's minimum and bear print.
   */
  private RetryReason tinyCardOrNoCard(Mat photo) {
    RetryReason answer = noCardOrTooSmall(photo);
    if (answer == RetryReason.TOO_SMALL) {
      return answer;
    }
    Optional<CardFinder.Quad> copy = finder.blurredCard(photo);
    return copy.isPresent()
            && copy.get().score() >= CardFinder.MIN_SCORE
            && copy.get().width() < gate.minCardWidth()
            && !blank(gateOn(photo, copy.get()))
        ? RetryReason.TOO_SMALL
        : RetryReason.NO_CARD;
  }

  /** The quality gate's verdict on {@code quad}, rectified from {@code photo} for it alone. */
  private QualityGate.Verdict gateOn(Mat photo, CardFinder.Quad quad) {
    Mat card = rectifier.rectify(photo, quad.corners()).card();
    try {
      return gate.check(photo, quad.corners(), card);
    } finally {
      card.release();
    }
  }

  /**
   * The reason for a photo in which no card (or no KTP) was found: {@code BLURRY}, or {@code
   * sharpAnswer}, what a sharp photo gets ({@code NO_CARD}, {@code TOO_SMALL}, {@code NOT_KTP}).
   *
   * <p>A photo sharp as a whole ({@link Focus#sharp}) gets the sharp answer. Out of focus it was
   * {@code BLURRY} whatever it showed, until smooth backdrops without a card were found measuring
   * under the sharpness threshold too (fresh seeds 8181, 8282 and 8383: three of their 150
   * negatives). So a small copy of the photo, where blur no longer hides a card's outline, is
   * searched ({@link CardFinder#blurredCardScore}): with a card-like quad there ({@link
   * #BLURRED_CARD_SCORE}) the answer stays {@code BLURRY}; without one it is the sharp answer when
   * that is {@code NO_CARD} or {@code TOO_SMALL} (another card's text read in a blurred photo stays
   * {@code BLURRY}). The other way round — a photo measured sharp whose card the search missed,
   * blurred after all — is not decided so: there, backdrops can look card-like on the small copy
   * (seed 42's negative 28, a cyan square on a sheet of paper, scored 0.94, above a blurred photo's
   * 0.89; {@code PipelineAccuracyTests.seed42NegativesOnceAnsweredBlurryHaveTheirReason}).
   */
  private RetryReason blurryOrNoCard(Focus focus, Mat photo, Supplier<RetryReason> sharpAnswer) {
    if (focus.sharp()) {
      RetryReason answer = sharpAnswer.get();
      return answer == RetryReason.NO_CARD && blurredCardInASharpPhoto(photo)
          ? RetryReason.BLURRY
          : answer;
    }
    if (finder.blurredCardScore(photo) >= BLURRED_CARD_SCORE) {
      return RetryReason.BLURRY;
    }
    RetryReason answer = sharpAnswer.get();
    if (answer == RetryReason.NO_CARD
        && focus.sharpness() > 0
        && focus.sharpness() < FAR_OUT_OF_FOCUS) {
      return RetryReason.BLURRY;
    }
    return answer == RetryReason.NO_CARD || answer == RetryReason.TOO_SMALL
        ? answer
        : RetryReason.BLURRY;
  }

  /**
   * {@link QualityGate#photoSharpness} below which a photo is so far out of focus that {@code
   * BLURRY} is the answer even where not even its small copy shows a card: a heavily blurred card
   * can lose its outline there too, under perspective, noise or a colour cast (fresh negatives-only
   * seeds 1111's negative 121, 1.361, and 9898's negative 2, 1.514, small-copy scores 0.38 and
   * 0.18, were answered {@code NO_CARD}). Over the 320 photos without a card of sixteen
   * negatives-only sets, every one that had an edge at all measured 1.651 or more (a probe not
   * kept); their 320 heavily blurred photos measured from 1.313. A photo without an edge of {@code
   * photoSharpness}' contrast at all measures 0, which says nothing of its focus (fresh seed 4444's
   * negative 70: a dim backdrop, a pen and a ring in faint colours).
   */
  static final double FAR_OUT_OF_FOCUS = 1.6;

  /**
   * Small-copy score ({@link CardFinder#blurredCard}) from which a card-shaped quad there, in a
   * photo measured sharp, may be a blurred card: the photo's sharpness is measured on a copy 640
   * pixels long, where the generator's heavy blur, relative to the card's size, leaves a smaller
   * card measuring sharp (fresh negatives-only seeds 9595's negative 128, 2222's negative 2, 9696's
   * negative 72: 1.84–2.13, small-copy scores 0.94–0.98, answered {@code NO_CARD}). 0.9 at first;
   * fresh negatives-only seed 9753's negative 58, blurred under perspective, scored 0.84 and was
   * answered {@code NO_CARD}. Over the negatives-only seeds 1357, 2468, 3141, 8642 and 9753 ({@code
   * FinderReport}), the heavily blurred photos measured sharp scored 0.81–0.98 here, and of the
   * photos without a card one scored over 0.7 (0.89, 1.77 long for 1 high: no card's proportions).
   */
  static final double BLURRED_CARD_IN_A_SHARP_PHOTO = 0.75;

  /**
   * Largest relative difference from a card's aspect ratio of {@link #blurredCardInASharpPhoto}.
   */
  static final double CARD_ASPECT_TOLERANCE = 0.05;

  /**
   * Whether a photo measured sharp, in which no card was found, holds a blurred card: the small
   * copy's most card-like quad scores {@link #BLURRED_CARD_IN_A_SHARP_PHOTO} at least, has a card's
   * proportions (within {@link #CARD_ASPECT_TOLERANCE}), and the quality gate, measuring it on the
   * photo, calls it blurry and nothing else. Over the 320 photos without a card of sixteen
   * negatives-only sets, two scored 0.9 or more on the small copy: seed 1234's negative 56 (0.905,
   * a shape the frame cuts, which the gate calls cut) and seed 42's negative 28 (0.937: part of a
   * sheet of print round a pale square, 1.70 long for 1 high, where a card is 1.59); the 20 heavily
   * blurred photos of those sets that measured sharp scored 0.79–0.995 (the three answered {@code
   * NO_CARD} before: 0.94–0.98), with proportions within 3 % of a card's (a probe not kept).
   */
  private boolean blurredCardInASharpPhoto(Mat photo) {
    Optional<CardFinder.Quad> quad = finder.blurredCard(photo);
    if (quad.isEmpty() || quad.get().score() < BLURRED_CARD_IN_A_SHARP_PHOTO) {
      return false;
    }
    double aspect = quad.get().width() / Math.max(1, quad.get().height());
    if (Math.abs(aspect / CardFinder.CARD_ASPECT - 1) > CARD_ASPECT_TOLERANCE) {
      return false;
    }
    return gateOn(photo, quad.get()).blocking().equals(List.of(RetryReason.BLURRY));
  }

  /**
   * {@link CardFinder#blurredCardScore} from which a photo out of focus holds a blurred card: over
   * the negatives of eleven sets measuring under {@link QualityGate#MIN_PHOTO_SHARPNESS}, photos
   * without a card scored 0.08 at most and heavily blurred photos 0.55 at least ({@code
   * FinderReport}, bench/ocr-bench; docs/benchmarks.md).
   */
  static final double BLURRED_CARD_SCORE = 0.45;

  /**
   * How sharp the photo is as a whole ({@link QualityGate#photoSharpness}), and whether that is
   * sharp ({@link QualityGate#MIN_PHOTO_SHARPNESS} at least), measured at most once per scan:
   * several refusal paths ask.
   */
  private static final class Focus {
    private final Mat photo;
    private Double sharpness;

    Focus(Mat photo) {
      this.photo = photo;
    }

    boolean sharp() {
      return sharpness() >= QualityGate.MIN_PHOTO_SHARPNESS;
    }

    double sharpness() {
      if (sharpness == null) {
        sharpness = QualityGate.photoSharpness(photo);
      }
      return sharpness;
    }
  }

  /**
   * Reads the card as rectified, and its half turn when that finds too few labels (the photo side
   * can mislead: a pale photo, a coloured background); {@code card} is left the way up that won.
   */
  private Attempt readUpright(Mat card, Stopwatch clock) {
    Attempt attempt = read(card, clock);
    if (!looksLikeKtp(attempt)) {
      Core.rotate(card, card, Core.ROTATE_180);
      Attempt turned = read(card, clock);
      if (turned.layout().labelsFound().size() > attempt.layout().labelsFound().size()) {
        return turned;
      }
      Core.rotate(card, card, Core.ROTATE_180);
    }
    return attempt;
  }

  private record Attempt(CardLayout.Result layout, int tokens) {}

  /**
   * Reads the NIK and the name a second time on a horizontally stretched view of the card. The
   * stock recogniser drops narrow letters ({@code PRATIWI} → {@code PRATWI}) with high confidence;
   * a second view that disagrees shows such a reading was not sure. For the NIK, when the engine
   * offers a third view, the reading two of the three agree on is kept at 0.9 of its confidence;
   * otherwise (all three differ, no third view, or the name) the confidence is halved, so the card
   * is not extracted on it. The name is then read by the engine's second recogniser, when it has
   * one ({@link TextSource#crossRead}): a name it reads otherwise is halved too. A name in which
   * the first model read a {@code 1} that the checker reads as an apostrophe is the checker's
   * ({@link #apostrophesFromChecker}).
   */
  private CardLayout.Result confirmKeys(Mat card, CardLayout.Result layout) {
    Map<Label, CardLayout.Piece> values = new EnumMap<>(layout.values());
    boolean changed = false;
    boolean nameSettled = false;
    // The checker's readings of the name's pieces, once asked (a 1 in the name, a view's slip).
    List<String> checked = null;
    for (Label label : List.of(Label.NIK, Label.NAMA)) {
      CardLayout.Piece piece = values.get(label);
      if (piece == null || piece.tokens().isEmpty()) {
        continue;
      }
      if (label == Label.NAMA && piece.text().indexOf('1') >= 0) {
        // A 1 in a name is a letter or an apostrophe misread; the checker tells which.
        checked = text.crossRead(card, piece.tokens());
        Optional<String> resolved = apostrophesFromChecker(piece.text(), checked);
        if (resolved.isPresent()) {
          values.put(
              label, new CardLayout.Piece(resolved.get(), piece.confidence(), piece.tokens()));
          changed = true;
          nameSettled = true;
          continue;
        }
      }
      if (label == Label.NIK && digitsOf(piece.text()) == null) {
        Optional<CardLayout.Piece> taller = tallerNik(card, piece);
        if (taller.isPresent()) {
          values.put(label, taller.get());
          changed = true;
          continue;
        }
      }
      Optional<String> again = text.reread(card, piece.tokens()).map(CardReader::afterColon);
      if (again.isEmpty()) {
        continue;
      }
      String first =
          label == Label.NIK ? digitsOf(piece.text()) : FieldReader.personName(piece.text());
      String second =
          label == Label.NIK ? digitsOf(again.get()) : FieldReader.personName(again.get());
      boolean outvoted = false;
      if (label == Label.NAMA && oneLetterApart(first, second)) {
        if (checked == null) {
          checked = text.crossRead(card, piece.tokens());
        }
        outvoted = readAs(checked, first);
      }
      if (first != null
          && second != null
          && label == Label.NAMA
          && !first.equals(second)
          && first.replace(" ", "").equals(second.replace(" ", ""))) {
        // Both views read the same letters; the recogniser loses spaces, it does not invent
        // them: the view that found more spaces is the better one.
        if (second.chars().filter(c -> c == ' ').count()
            > first.chars().filter(c -> c == ' ').count()) {
          values.put(label, new CardLayout.Piece(second, piece.confidence(), piece.tokens()));
          changed = true;
        }
      } else if (outvoted) {
        // The stretched view slipped one letter; both of the checker's views read the first:
        // kept as it is (the final check below finds the checker agreeing).
      } else if (first == null || !first.equals(second)) {
        // Two views disagree: for the NIK, a third one (when the engine has it) lets two of three
        // decide, and the NIK's own checks still stand behind it. A name has no such check: in
        // the benchmark's seed-42 run at 58e3ace, every name decided two to one was wrong
        // (docs/benchmarks.md), so a name the views disagree on is not delivered.
        String third =
            first == null || label == Label.NAMA
                ? null
                : text.rereadThird(card, piece.tokens())
                    .map(CardReader::afterColon)
                    .map(t -> label == Label.NIK ? digitsOf(t) : FieldReader.personName(t))
                    .orElse(null);
        if (third != null && third.equals(first)) {
          values.put(label, piece.withConfidence(piece.confidence() * MAJORITY_DISCOUNT));
        } else if (third != null && third.equals(second)) {
          values.put(
              label,
              new CardLayout.Piece(
                  label == Label.NIK ? again.get() : second,
                  piece.confidence() * MAJORITY_DISCOUNT,
                  piece.tokens()));
        } else {
          values.put(label, piece.withConfidence(piece.confidence() * 0.5));
        }
        changed = true;
      }
    }
    CardLayout.Piece name = values.get(Label.NAMA);
    if (name != null && !name.tokens().isEmpty() && !nameSettled) {
      // Another model's readings, letter for letter and space for space: the two views above
      // share one model's blind spots; a second model mostly misreads other lines.
      String mine = FieldReader.personName(name.text());
      // The same boxes as asked early (views and reread change the text, never the pieces).
      List<String> others = checked != null ? checked : text.crossRead(card, name.tokens());
      for (String other : others) {
        if (mine == null || !confirms(FieldReader.personName(afterColon(other)), mine)) {
          values.put(Label.NAMA, name.withConfidence(name.confidence() * 0.5));
          changed = true;
          break;
        }
      }
    }
    return changed
        ? new CardLayout.Result(
            values, layout.provinceLine(), layout.cityLine(), layout.labelsFound())
        : layout;
  }

  /**
   * Whether two readings of a name differ by one letter (changed, dropped or added): a view that
   * slipped, which two models' other readings can outvote ({@link #readAs}).
   */
  static boolean oneLetterApart(String first, String second) {
    return first != null && second != null && TextDistance.levenshtein(first, second) == 1;
  }

  /**
   * Whether every one of the checker's readings (two at least: both its views) is {@code name}:
   * then a name whose stretched view slipped one letter is read by three readings of two models
   * against one view of one, and is kept. Measured before it was made (with a development probe not
   * kept in the repository): over the flat renders and photos of seeds 606, 1111, 2222 and 3333,
   * every name read so (8) was right, and all had been refused (seed 3333's flat {@code DEWI},
   * stretched {@code DEI}; docs/benchmarks.md). The seed-42 rule that a name the views disagree on
   * is not delivered stands for the rest: it was set on three views of one model, before there was
   * a checker.
   */
  static boolean readAs(List<String> checker, String name) {
    if (checker.size() < 2) {
      return false;
    }
    for (String reading : checker) {
      if (!name.equals(FieldReader.personName(afterColon(reading)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The NIK read again from its box grown up and down ({@link TextSource#rereadTaller}), when the
   * first reading is no NIK at all: kept only when both views of the taller box read the same 16
   * digits (the NIK's checks still stand behind it), at the lower of their confidences. Seen on
   * flat renders whose large bold NIK the detector boxed inside its digits (seed 606 {@code
   * ktp-00062}, seed 7 {@code neg-blurry-00002}: read {@code JeIJeJP0B2eeI}).
   */
  private Optional<CardLayout.Piece> tallerNik(Mat card, CardLayout.Piece piece) {
    List<TextSource.Reading> readings = text.rereadTaller(card, piece.tokens());
    if (readings.size() < 2) {
      return Optional.empty();
    }
    String first = afterColon(readings.get(0).text()).trim();
    String digits = digitsOf(first);
    if (digits == null || !digits.equals(digitsOf(afterColon(readings.get(1).text())))) {
      return Optional.empty();
    }
    double confidence = Math.min(readings.get(0).confidence(), readings.get(1).confidence());
    return Optional.of(new CardLayout.Piece(first, confidence, piece.tokens()));
  }

  /**
   * Whether the checker's reading of a name confirms the first model's: the same letters and
   * spaces, or the same letters with some of the spaces left out. A recogniser loses spaces, it
   * does not invent them, so a checker that lost one still confirms every letter ({@code IGUSTI
   * NGURAH AGUS} against {@code I GUSTI NGURAH AGUS}: seed 404's flat renders were refused on it);
   * a checker that found a space the first model did not read is a disagreement ({@code MARKUS
   * WANAA} against {@code MARKUSWANAA}).
   */
  static boolean confirms(String theirs, String mine) {
    if (theirs == null || mine == null) {
      return false;
    }
    // theirs must be mine with some spaces left out, nothing else.
    int j = 0;
    for (int i = 0; i < mine.length(); i++) {
      if (j < theirs.length() && theirs.charAt(j) == mine.charAt(i)) {
        j++;
      } else if (mine.charAt(i) != ' ') {
        return false;
      }
    }
    return j == theirs.length();
  }

  /**
   * At most this many {@code 1}s in a name are tried both ways by {@link #apostrophesFromChecker}.
   */
  static final int MAX_ONES_TRIED = 3;

  /**
   * The checker's reading of a name in which the first model read a {@code 1} where the checker
   * reads an apostrophe: {@code SYAFI1I} against {@code SYAFI'I} (seed 606's flat render {@code
   * ktp-00124}, refused before, docs/benchmarks.md). A {@code 1} in a name is a misread stroke:
   * {@link FieldReader#personName} takes it for an {@code I}, but the apostrophe of {@code
   * SYAFI'I}, {@code NI'MAH} is the same short upright stroke. Present only when the checker's
   * views (two at least, {@link #readAs}) all read the same name, and it equals the first model's
   * reading with at least one of its {@code 1}s (at most {@link #MAX_ONES_TRIED}) read as an
   * apostrophe and the others as {@code I}: every other letter and space is confirmed by both
   * models, and the one place the first model was unsure is read by the other. The first model's
   * stretched view is not asked: it is the same model unsure at the same place ({@code SYAFI'1I}).
   */
  static Optional<String> apostrophesFromChecker(String mine, List<String> theirs) {
    String checker = theirs.isEmpty() ? null : FieldReader.personName(afterColon(theirs.get(0)));
    if (checker == null || checker.indexOf('\'') < 0 || !readAs(theirs, checker)) {
      return Optional.empty();
    }
    List<Integer> ones = new java.util.ArrayList<>();
    for (int i = 0; i < mine.length(); i++) {
      if (mine.charAt(i) == '1') {
        ones.add(i);
      }
    }
    if (ones.isEmpty() || ones.size() > MAX_ONES_TRIED) {
      return Optional.empty();
    }
    // Every way of reading the 1s but the one FieldReader already takes (all of them I).
    for (int mask = 1; mask < 1 << ones.size(); mask++) {
      char[] read = mine.toCharArray();
      for (int k = 0; k < ones.size(); k++) {
        read[ones.get(k)] = (mask & 1 << k) != 0 ? '\'' : 'I';
      }
      if (checker.equals(FieldReader.personName(new String(read)))) {
        return Optional.of(checker);
      }
    }
    return Optional.empty();
  }

  /** What follows a label's colon, when the second view read the label too. */
  static String afterColon(String text) {
    int colon = text.indexOf(':');
    return colon < 0 ? text : text.substring(colon + 1);
  }

  private static String digitsOf(String text) {
    return NikRules.digits(text).orElse(null);
  }

  /** Labels no other Indonesian card prints (a driving licence has Nama, Alamat, Pekerjaan). */
  static final java.util.Set<Label> KTP_ONLY_LABELS =
      java.util.EnumSet.of(
          Label.RT_RW,
          Label.KEL_DESA,
          Label.KECAMATAN,
          Label.AGAMA,
          Label.STATUS_PERKAWINAN,
          Label.KEWARGANEGARAAN);

  /**
   * What a whole photo (not a rectified card) shows: a KTP's labels, how many words, and where the
   * words lie ({@code textBox}, in the coordinates of the image read; null without words).
   */
  record PhotoText(boolean showsKtp, int words, int labels, boolean cardNumber, Rect textBox) {

    /** The same, its words' box now {@code box}. */
    PhotoText at(Rect box) {
      return new PhotoText(showsKtp, words, labels, cardNumber, box);
    }

    /**
     * Text of another kind of card, plainly: no KTP, yet two of the labels cards share ({@code
     * Nama}, {@code Alamat}) among {@link #MIN_TOKENS_OF_A_CARD} words at least, or a payment
     * card's number, four groups of four digits ({@link #CARD_NUMBER}; a KTP prints its NIK as one
     * run).
     */
    boolean showsAnotherCard() {
      return !showsKtp && ((labels >= 2 && words >= MIN_TOKENS_OF_A_CARD) || cardNumber);
    }
  }

  /**
   * A payment card's number as printed: four groups of four digits (fresh negatives-only seed
   * 5656's negative 1: {@code 5372 6778 2794 7128} on a bank card whose outline the finder ran up
   * to the frame, answered {@code CROPPED}).
   */
  static final java.util.regex.Pattern CARD_NUMBER =
      java.util.regex.Pattern.compile("(?<![0-9])[0-9]{4}( [0-9]{4}){3}(?![0-9])");

  /**
   * Reads the whole photo, for when no card outline was found: a KTP's labels (its NIK, or labels
   * only a KTP prints) mean a KTP the frame cuts off; words without them, another card. The reading
   * returned is the first that shows a KTP, else one that shows another card, else the one with the
   * most words. A card cut off by the frame may also lie on its side or upside down, and nothing
   * rectified it: the other three quarter turns are read too, until one shows a KTP. Where none
   * showed a KTP, the photo is read again at its own size, whole and around the words found ({@link
   * #readAroundWords}).
   */
  private PhotoText readWholePhoto(Mat photo) {
    Mat small = new Mat();
    double scale = Math.min(1.0, 1280.0 / Math.max(photo.cols(), photo.rows()));
    Imgproc.resize(
        photo,
        small,
        new Size(photo.cols() * scale, photo.rows() * scale),
        0,
        0,
        Imgproc.INTER_AREA);
    try {
      PhotoText best = null;
      int bestTurns = 0;
      int turns = 0;
      for (Integer turn : QUARTER_TURNS) {
        if (turn != null) {
          Core.rotate(small, small, turn);
          turns++;
        }
        PhotoText seen = photoText(text.readAnywhere(small), cutHeader);
        seen = seen.at(unturned(seen.textBox(), turns, small.cols(), small.rows(), scale));
        if (seen.showsKtp()) {
          return seen;
        }
        // The turn that shows another card's labels, else the one with the most words (fresh
        // negatives-only seed 7777's negative 57: a membership card read upright with its labels,
        // 7 words, and upside down as 9 words of nonsense).
        if (best == null
            || (seen.showsAnotherCard() && !best.showsAnotherCard())
            || (seen.showsAnotherCard() == best.showsAnotherCard()
                && seen.words() > best.words())) {
          best = seen;
          bestTurns = turns;
        }
      }
      if (scale < 1 && best.words() > 0) {
        // Text too small to read at 1,280 px may read at the photo's own size (at most 2,000 px):
        // seed 8181's ktp-card negative 19, cut on its label side, 450 px wide at 1,280 px, showed
        // 13 words and no KTP there and both header lines at 1,920 px. Upright only: one more
        // reading, on the way to a refusal. So may another card's: fresh negatives-only seed
        // 9753's negative 15, a bank card beside the shape the finder took, 1,440 px wide, showed
        // nine words and no number at 1,280 px and its number at 1,440 (answered CROPPED +
        // BLURRY).
        PhotoText full = photoText(text.readAnywhere(photo), cutHeader);
        if (full.showsKtp() || (full.showsAnotherCard() && !best.showsAnotherCard())) {
          return full;
        }
        return readAroundWords(photo, best, bestTurns).orElse(best);
      }
      return best;
    } finally {
      small.release();
    }
  }

  /**
   * How far around the words a reading found {@link #readAroundWords} reads again, on each side:
   * the words' own size, and at least this share of the photo's long side.
   */
  static final double AROUND_WORDS = 0.2;

  /**
   * The part of {@code photo} around the words {@code best} found, read again at the photo's own
   * size and turned as {@code best} was; present when it shows a KTP or another card over more than
   * a tiny card's size ({@link QualityGate#minCardWidth}). The text detector reads an image at most
   * 960 px long, where a card's print in a photo twice that size can be too small to find: fresh
   * negatives-only seed 5656's negative 33, a KTP cut at the top-left corner of a 1,600-px photo,
   * showed four words and no label whole (answered {@code NOT_KTP}); 3141's negative 57, a driving
   * licence on a page whose outline the finder missed, two words ({@code NO_CARD}). A tiny KTP,
   * whose text a closer reading can show, is too small, not cut off by the frame: its text does not
   * count here.
   */
  private Optional<PhotoText> readAroundWords(Mat photo, PhotoText best, int turns) {
    Rect box = best.textBox();
    if (box == null || best.showsAnotherCard()) {
      return Optional.empty();
    }
    int least = (int) Math.round(AROUND_WORDS * Math.max(photo.cols(), photo.rows()));
    int dx = Math.max(box.width, least);
    int dy = Math.max(box.height, least);
    int x0 = Math.max(0, box.x - dx);
    int y0 = Math.max(0, box.y - dy);
    int x1 = Math.min(photo.cols(), box.x + box.width + dx);
    int y1 = Math.min(photo.rows(), box.y + box.height + dy);
    if (x1 - x0 < 2 || y1 - y0 < 2) {
      return Optional.empty();
    }
    Mat part = photo.submat(new Rect(x0, y0, x1 - x0, y1 - y0));
    Mat around = part.clone();
    part.release();
    try {
      for (int k = 0; k < turns; k++) {
        Core.rotate(around, around, Core.ROTATE_90_COUNTERCLOCKWISE);
      }
      PhotoText near = photoText(text.readAnywhere(around), cutHeader);
      if (!near.showsKtp() && !near.showsAnotherCard()) {
        return Optional.empty();
      }
      Rect words = unturned(near.textBox(), turns, around.cols(), around.rows(), 1.0);
      if (Math.max(words.width, words.height) < gate.minCardWidth()) {
        return Optional.empty();
      }
      return Optional.of(near.at(new Rect(words.x + x0, words.y + y0, words.width, words.height)));
    } finally {
      around.release();
    }
  }

  /**
   * A box of an image ({@code width} × {@code height}) turned {@code turns} quarter turns
   * anticlockwise from a copy of the photo scaled by {@code scale}, in the photo's coordinates.
   */
  static Rect unturned(Rect box, int turns, int width, int height, double scale) {
    if (box == null) {
      return null;
    }
    double x0 = box.x;
    double y0 = box.y;
    double x1 = box.x + box.width;
    double y1 = box.y + box.height;
    int w = width;
    int h = height;
    for (int k = 0; k < turns; k++) {
      // One quarter turn back: (x, y) of the turned image was (h − y, x) before it, in an image
      // h wide and w high.
      double nx0 = h - y1;
      double nx1 = h - y0;
      y0 = x0;
      y1 = x1;
      x0 = nx0;
      x1 = nx1;
      int swap = w;
      w = h;
      h = swap;
    }
    return new Rect(
        (int) Math.floor(x0 / scale),
        (int) Math.floor(y0 / scale),
        (int) Math.ceil((x1 - x0) / scale),
        (int) Math.ceil((y1 - y0) / scale));
  }

  /** Upright, then turned a quarter anticlockwise, then a half turn, then three quarters. */
  private static final List<Integer> QUARTER_TURNS =
      java.util.Arrays.asList(
          null,
          Core.ROTATE_90_COUNTERCLOCKWISE,
          Core.ROTATE_90_COUNTERCLOCKWISE,
          Core.ROTATE_90_COUNTERCLOCKWISE);

  /**
   * A KTP shows in loose text when its NIK label and two more labels are read, two labels only a
   * KTP prints among four, or — its left edge cut off, labels with it — a 16-digit number with a
   * NIK's date part under a {@code PROVINSI} header or beside two labels, or the two header lines
   * ({@code PROVINSI …} over {@code KABUPATEN …} or {@code KOTA …}), the header and a label, the
   * header cut on the left by the frame ({@link CutHeader}: {@code VINSI JAWA TIMUR} over {@code
   * PATEN BANGKALAN}), or three kinds of a KTP's closed values ({@link #ktpValues}); or the regency
   * line alone, its {@code KABUPATEN} cut or misread ({@link CutHeader#regencyLine}: {@code UPATEN
   * KUANTAN SINGINGI}, {@code KBUPATEN SIAK}), beside a NIK printed as one run of digits (whole or
   * cut: {@link #cutNik}; a bank card's number in groups of four is none), a KTP's own label,
   * {@code Gol. Darah} or one of its closed values — three KTPs of the negatives-only seed-8080 run
   * cut on their label side were answered NOT_KTP before; or two kinds of closed values beside
   * three labels, whole or cut on their left ({@link #cutLabels}).
   */
  static PhotoText photoText(List<Token> tokens, CutHeader cutHeader) {
    var labels = CardLayout.labelsAnywhere(tokens);
    long ktpOnly = labels.stream().filter(KTP_ONLY_LABELS::contains).count();
    boolean nikNumber = false;
    boolean longNumber = false;
    boolean header = false;
    boolean cityLine = false;
    boolean regencyLine = false;
    for (Token t : tokens) {
      String letters = Label.letters(t.text());
      header |= letters.startsWith("PROVINSI");
      cityLine |= letters.startsWith("KABUPATEN") || letters.startsWith("KOTA");
      regencyLine |= t.text().indexOf(':') < 0 && cutHeader.regencyLine(t.text());
      nikNumber |= NikRules.digits(afterColon(t.text())).filter(CardReader::nikShaped).isPresent();
      longNumber |= cutNik(afterColon(t.text()));
    }
    int values = ktpValues(tokens);
    int cutLabels = cutLabels(tokens, labels);
    boolean ktp =
        nikDatedAsPrinted(tokens)
            || (labels.contains(Label.NIK) && labels.size() >= 3)
            || (ktpOnly >= 2 && labels.size() >= 4)
            || (nikNumber && (header || labels.size() >= 2))
            || (header && (cityLine || !labels.isEmpty()))
            || values >= 3
            || (values >= 2 && labels.size() + cutLabels >= 3)
            || cutHeader.shows(tokens.stream().map(Token::text).toList())
            || (cutHeader.bareHeader(tokens.stream().map(Token::text).toList())
                && (longNumber || ktpOnly >= 1 || labels.contains(Label.GOL_DARAH)))
            || (regencyLine
                && (longNumber || ktpOnly >= 1 || labels.contains(Label.GOL_DARAH) || values >= 1));
    boolean cardNumber = tokens.stream().anyMatch(t -> CARD_NUMBER.matcher(t.text()).find());
    return new PhotoText(ktp, words(tokens), labels.size(), cardNumber, wordBox(tokens));
  }

  /** Letters a KTP label cut on its left by the frame must keep to count. */
  static final int CUT_LABEL_LETTERS = 5;

  /**
   * How many KTP labels not among {@code found} are read cut on their left by the frame: a token's
   * letters (before any colon) that end one of the label's spellings, {@link #CUT_LABEL_LETTERS}
   * letters at least ({@code Kelamin}, {@code amatan}: fresh negatives-only seed 5656's negative
   * 89, cut through its labels, beside {@code LAKI-LAKI}, {@code ISLAM} and {@code Gol. Darah},
   * answered {@code NOT_KTP}).
   */
  static int cutLabels(List<Token> tokens, java.util.Set<Label> found) {
    java.util.Set<Label> cut = java.util.EnumSet.noneOf(Label.class);
    for (Token t : tokens) {
      String text = t.text();
      int colon = text.indexOf(':');
      String letters = Label.letters(colon >= 0 ? text.substring(0, colon) : text);
      if (letters.length() < CUT_LABEL_LETTERS) {
        continue;
      }
      for (Label label : Label.values()) {
        if (!found.contains(label)
            && label.spellings().stream()
                .anyMatch(sp -> sp.length() > letters.length() && sp.endsWith(letters))) {
          cut.add(label);
        }
      }
    }
    return cut.size();
  }

  /** The box around the tokens that are words ({@link #isWord}); null when none is. */
  static Rect wordBox(List<Token> tokens) {
    double x0 = Double.MAX_VALUE;
    double y0 = Double.MAX_VALUE;
    double x1 = -Double.MAX_VALUE;
    double y1 = -Double.MAX_VALUE;
    for (Token t : tokens) {
      if (isWord(t)) {
        x0 = Math.min(x0, t.x0());
        y0 = Math.min(y0, t.y0());
        x1 = Math.max(x1, t.x1());
        y1 = Math.max(y1, t.y1());
      }
    }
    if (x1 < x0) {
      return null;
    }
    return new Rect(
        (int) Math.floor(x0),
        (int) Math.floor(y0),
        (int) Math.ceil(x1 - Math.floor(x0)),
        (int) Math.ceil(y1 - Math.floor(y0)));
  }

  /**
   * How many of a KTP's closed values are printed as whole tokens: a gender, a religion, a marital
   * status in the KTP's own words ({@code PEREMPUAN}, {@code KAWIN}, …), {@code WNI}, {@code SEUMUR
   * HIDUP}. A card cut off on its label side and its top still shows these; other cards word them
   * differently ({@code PRIA}/{@code WANITA} on a driving licence). The frame may cut into the
   * values themselves: a token that is the end of one, {@link #CUT_VALUE_LETTERS} characters at
   * least, counts too (fresh negatives-only seed 6666's negative 19, cut through its values: {@code
   * I-LAKI}, {@code UM KAWIN}, {@code MUR HIDUP}, answered {@code NOT_KTP}).
   */
  static int ktpValues(List<Token> tokens) {
    java.util.Set<String> read = new java.util.HashSet<>();
    for (Token t : tokens) {
      read.add(afterColon(t.text()).trim());
    }
    int kinds = 0;
    for (List<String> values :
        List.of(
            Vocabulary.GENDER.values(),
            Vocabulary.RELIGION.values(),
            Vocabulary.MARITAL_STATUS.values(),
            List.of("WNI"),
            List.of("SEUMUR HIDUP"))) {
      kinds +=
          read.stream().anyMatch(text -> values.stream().anyMatch(v -> wholeOrCut(text, v)))
              ? 1
              : 0;
    }
    return kinds;
  }

  /** Characters a closed value cut on its left by the frame must keep to count. */
  static final int CUT_VALUE_LETTERS = 6;

  /** Whether {@code text} is {@code value}, or its end {@link #CUT_VALUE_LETTERS} long at least. */
  private static boolean wholeOrCut(String text, String value) {
    return text.equals(value) || (text.length() >= CUT_VALUE_LETTERS && value.endsWith(text));
  }

  /** A date printed as a KTP prints the birth date ({@code 29-05-1988}). */
  private static final java.util.regex.Pattern PRINTED_DATE =
      java.util.regex.Pattern.compile(
          "(?<![0-9])([0-9]{2})-([0-9]{2})-[0-9]{2}([0-9]{2})(?![0-9])");

  /**
   * Whether a number read as one run of digits ends in a NIK's date and serial (its last ten
   * digits: DDMMYY, the day plus 40 for a woman, then four) whose date is printed elsewhere in the
   * photo as DD-MM-YYYY: a KTP's NIK and birth date, however much of the card the frame cut (fresh
   * negatives-only seed 9898's negative 33, cut on its label side, read {@code S2905880051} and
   * {@code LAUT, 29-05-1988} beside one label, and was answered {@code NOT_KTP}). No other card
   * builds its number from the holder's birth date.
   */
  static boolean nikDatedAsPrinted(List<Token> tokens) {
    java.util.Set<String> printed = new java.util.HashSet<>();
    for (Token t : tokens) {
      var m = PRINTED_DATE.matcher(t.text());
      while (m.find()) {
        printed.add(m.group(1) + m.group(2) + m.group(3));
      }
    }
    if (printed.isEmpty()) {
      return false;
    }
    for (Token t : tokens) {
      String digits = digitRun(afterColon(t.text()));
      if (digits.length() < NIK_DATE_AND_SERIAL) {
        continue;
      }
      String date = digits.substring(digits.length() - NIK_DATE_AND_SERIAL, digits.length() - 4);
      int day = Integer.parseInt(date.substring(0, 2));
      String asPrinted =
          String.format(java.util.Locale.ROOT, "%02d", day > 40 ? day - 40 : day)
              + date.substring(2);
      if (printed.contains(asPrinted)) {
        return true;
      }
    }
    return false;
  }

  /** A NIK's last digits: its date part (six) and serial (four). */
  static final int NIK_DATE_AND_SERIAL = 10;

  /** Digits of a NIK cut short by the frame (or longer): at least this many in one piece. */
  static final int CUT_NIK_DIGITS = 12;

  /**
   * Whether a piece is one unbroken run of digits, a NIK cut on the left by the frame ({@code
   * 502023103020717}, read {@code S02023103020717}): at least {@link #CUT_NIK_DIGITS} digits, as
   * {@link NikRules#digitFor} reads look-alike letters, and nothing else — not a bank card's number
   * in groups of four, nor a driving licence's with hyphens.
   */
  static boolean cutNik(String text) {
    return digitRun(text).length() >= CUT_NIK_DIGITS;
  }

  /**
   * The digits of a piece that is one unbroken run of them, as {@link NikRules#digitFor} reads
   * look-alike letters; empty when anything else is in it.
   */
  static String digitRun(String text) {
    String run = text.trim().toUpperCase(java.util.Locale.ROOT);
    StringBuilder digits = new StringBuilder(run.length());
    for (char c : run.toCharArray()) {
      char d = NikRules.digitFor(c);
      if (d < '0' || d > '9') {
        return "";
      }
      digits.append(d);
    }
    return digits.toString();
  }

  /** Day (plus 40 for women) and month of a NIK's date part in range. */
  private static boolean nikShaped(String digits) {
    int day = Integer.parseInt(digits.substring(6, 8));
    int month = Integer.parseInt(digits.substring(8, 10));
    return ((day >= 1 && day <= 31) || (day >= 41 && day <= 71)) && month >= 1 && month <= 12;
  }

  /** Printed words and numbers (three letters or digits at least), not strokes of a pattern. */
  static int words(List<Token> tokens) {
    return (int) tokens.stream().filter(CardReader::isWord).count();
  }

  /** Whether a token is a printed word or number: three letters or digits at least. */
  static boolean isWord(Token token) {
    return token
            .text()
            .chars()
            .filter(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            .count()
        >= 3;
  }

  private Attempt read(Mat card, Stopwatch clock) {
    List<Token> tokens = text.read(card);
    clock.lap("ocr");
    CardLayout.Result result = layout.assign(tokens);
    clock.lap("layout");
    return new Attempt(result, words(tokens));
  }

  /**
   * A KTP shows its NIK row, or its PROVINSI header, among its labels. Other Indonesian cards share
   * labels ({@code Nama}, {@code Alamat}, {@code Pekerjaan} on a driving licence) but not those.
   */
  private static boolean looksLikeKtp(Attempt attempt) {
    var found = attempt.layout().labelsFound();
    return (found.contains(Label.NIK) && found.size() >= 3)
        || (attempt.layout().provinceLine() != null && found.size() >= MIN_LABELS);
  }

  private CardScan decide(FieldReader.Reading reading, List<RetryReason> flags, Stopwatch clock) {
    Map<String, CheckResult> checks = reading.checks();
    boolean nikOk =
        reading.value(KtpField.NIK) != null
            && checks.get(NikRules.FORMAT) == CheckResult.PASS
            && checks.get(NikRules.AREA) == CheckResult.PASS
            && checks.get(NikRules.GENDER) != CheckResult.FAIL
            && reading.confidence(KtpField.NIK) >= MIN_NIK_CONFIDENCE;
    boolean birthOk =
        reading.value(KtpField.BIRTH_DATE) != null
            && (checks.get(NikRules.BIRTH_DATE) == CheckResult.PASS
                || checks.get(FieldReader.BIRTH_DATE_FROM_NIK) == CheckResult.PASS);
    boolean nameOk =
        reading.value(KtpField.NAME) != null
            && reading.confidence(KtpField.NAME) >= text.nameConfidenceFloor();
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
