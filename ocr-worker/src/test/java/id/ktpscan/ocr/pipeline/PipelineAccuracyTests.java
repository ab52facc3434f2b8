package id.ktpscan.ocr.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import id.ktpscan.contracts.KtpField;
import id.ktpscan.contracts.RetryReason;
import id.ktpscan.contracts.ScanOutcome;
import id.ktpscan.ocr.area.AreaDirectory;
import id.ktpscan.ocr.card.QualityGate;
import id.ktpscan.ocr.synth.IdentityGenerator;
import id.ktpscan.ocr.synth.NegativeMaker;
import id.ktpscan.ocr.synth.SyntheticSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The whole pipeline on generated photos, against their ground truth: floors well below what the
 * benchmark measures (docs/benchmarks.md), so that a regression fails the build while the noise of
 * a small set does not. The benchmark ({@code ./ktp bench ocr}) is where accuracy is measured.
 */
class PipelineAccuracyTests {

  private static final List<KtpField> KEY =
      List.of(KtpField.NIK, KtpField.NAME, KtpField.BIRTH_DATE);

  @TempDir static Path dir;
  private static KtpPipeline pipeline;
  private static CardReader reader;
  private static List<SyntheticSet.Sample> samples;

  @BeforeAll
  static void generateAndLoad() throws Exception {
    SyntheticSet.generate(16, 20261126L, dir, true);
    samples = SyntheticSet.read(dir);
    pipeline = KtpPipeline.load(KtpPipeline.Options.defaults());
    reader = pipeline.newReader();
  }

  @AfterAll
  static void close() {
    if (reader != null) {
      reader.close();
    }
    if (pipeline != null) {
      pipeline.close();
    }
  }

  private static boolean keyFieldsRight(SyntheticSet.Sample sample, CardScan scan) {
    return KEY.stream().allMatch(f -> Objects.equals(sample.fields().get(f), scan.value(f)));
  }

  @Test
  void photosAreReadWithoutSilentErrorsAndMostAreExtracted() throws Exception {
    int positives = 0;
    int extracted = 0;
    List<String> silent = new ArrayList<>();
    for (SyntheticSet.Sample sample : samples) {
      if (!sample.positive()) {
        continue;
      }
      positives++;
      CardScan scan = reader.scan(Files.readAllBytes(sample.image()));
      if (scan.outcome() == ScanOutcome.EXTRACTED) {
        extracted++;
        if (!keyFieldsRight(sample, scan)) {
          silent.add(sample.name());
        }
      } else {
        assertThat(scan.reasons()).as(sample.name()).isNotEmpty();
      }
    }
    assertThat(silent).as("EXTRACTED with a wrong NIK, name or birth date").isEmpty();
    // A floor far below the benchmark's coverage (docs/benchmarks.md), not a measurement.
    assertThat((double) extracted / positives).as("coverage").isGreaterThanOrEqualTo(0.7);
  }

  @Test
  void flatRendersGiveEveryKeyFieldAndNearlyAllFields() {
    int cards = 0;
    int allFields = 0;
    for (SyntheticSet.Sample sample : samples) {
      if (!sample.positive() || sample.clean() == null) {
        continue;
      }
      cards++;
      Mat card = Imgcodecs.imread(sample.clean().toString(), Imgcodecs.IMREAD_COLOR);
      CardScan scan = reader.scanFlatCard(card);
      card.release();
      assertThat(scan.outcome()).as(sample.name()).isEqualTo(ScanOutcome.EXTRACTED);
      assertThat(keyFieldsRight(sample, scan)).as(sample.name()).isTrue();
      boolean all = true;
      for (KtpField f : KtpField.values()) {
        all &= Objects.equals(sample.fields().get(f), scan.value(f));
      }
      allFields += all ? 1 : 0;
    }
    assertThat((double) allFields / cards)
        .as("all 17 fields on flat renders")
        .isGreaterThanOrEqualTo(0.6);
  }

  @Test
  void negativesAskForAnotherPhotoWithTheRightReason() throws Exception {
    int negatives = 0;
    List<String> wrongReason = new ArrayList<>();
    for (SyntheticSet.Sample sample : samples) {
      if (sample.positive()) {
        continue;
      }
      negatives++;
      CardScan scan = reader.scan(Files.readAllBytes(sample.image()));
      assertThat(scan.outcome()).as(sample.name()).isEqualTo(ScanOutcome.RETRY_REQUIRED);
      if (!scan.reasons().contains(sample.reason())) {
        wrongReason.add(sample.name() + " -> " + scan.reasons());
      }
    }
    // One of each kind (no card, another card, blur, glare over the NIK, dark, cut off, too small).
    assertThat(negatives).isGreaterThanOrEqualTo(7);
    // A blurred card of another kind can read as no card at all; everything else must be exact.
    assertThat(wrongReason).as("negatives with another reason").hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void anotherKindOfCardInASharpPhotoIsNotAKtp() {
    // Cards of another kind (bank, membership, student) in photos that are sharp as a whole: the
    // answer is "not a KTP" even where the gate flags the card's text as borderline blurry.
    assertThat(wrongReasonsInSharpPhotos(RetryReason.NOT_KTP, 12, 6)).isEmpty();
  }

  @Test
  void aSharpPhotoWithoutACardIsNoCard() {
    // Background only: a shape the finder finds barely card-like is no card when it holds no text,
    // not a blurry card, in a photo that is sharp as a whole.
    assertThat(wrongReasonsInSharpPhotos(RetryReason.NO_CARD, 12, 6)).isEmpty();
  }

  @Test
  void seed42NegativesOnceAnsweredBlurryHaveTheirReason(@TempDir Path negatives) throws Exception {
    // Three negatives of the benchmark's seed-42 run (docs/benchmarks.md) that came back BLURRY:
    // two membership cards and a patch of background. Sample i is the same whatever the counts.
    new SyntheticSet(AreaDirectory.load()).write(0, 42L, negatives, 30);
    Map<String, RetryReason> expected =
        Map.of(
            "neg-not_ktp-00022", RetryReason.NOT_KTP,
            "neg-not_ktp-00029", RetryReason.NOT_KTP,
            "neg-no_card-00028", RetryReason.NO_CARD);
    expected.forEach(
        (name, reason) -> {
          try {
            CardScan scan = reader.scan(Files.readAllBytes(negatives.resolve(name + ".jpg")));
            assertThat(scan.reasons()).as(name).containsExactly(reason);
          } catch (Exception e) {
            throw new AssertionError(name, e);
          }
        });
  }

  @Test
  void seed1234CardsCutByTheFrameOnceAnsweredOtherwiseAreCropped() throws Exception {
    // Negatives of the benchmark's negatives-only seed-1234 run (docs/benchmarks.md): two cards
    // cut on the left, found as another object and read from the whole photo as "VINSI JAWA
    // TIMUR" / "PATEN BANGKALAN" (were NOT_KTP), and one cut at the bottom whose barely card-like
    // outline ends along the frame (was UNREADABLE).
    assertReasons(
        List.of(
            new Case(1234, 19, RetryReason.CROPPED),
            new Case(1234, 33, RetryReason.CROPPED),
            new Case(1234, 117, RetryReason.CROPPED)));
  }

  @Test
  void negativesOfFreshSeedsOnceAnsweredOtherwiseHaveTheirReason() throws Exception {
    // Negatives of the benchmark's runs on seeds 101, 202 and 303 (docs/benchmarks.md, "A second
    // model checks the name"), answered otherwise before: glare whitening the NIK row of a sharp
    // card, which the gate measured as blur (BLURRY; NOT_KTP); a KTP cut on the left whose only
    // outline found was a small round shape beside it (TOO_SMALL + BLURRY); a photo too dark for
    // any outline (BLURRY); tiny cards on a page whose edges the finder preferred (NO_CARD); and
    // seed 606's KTP whose bottom the frame cuts off, read from a barely card-like outline ending
    // at the frame, its key fields whole (EXTRACTED; "A name confidence threshold of 0.95").
    List<Case> cases =
        List.of(
            new Case(101, 24, RetryReason.GLARE),
            new Case(101, 33, RetryReason.CROPPED),
            new Case(101, 41, RetryReason.TOO_SMALL),
            new Case(202, 6, RetryReason.TOO_SMALL),
            new Case(303, 31, RetryReason.GLARE),
            new Case(303, 39, RetryReason.TOO_DARK),
            new Case(606, 19, RetryReason.CROPPED));
    assertReasons(cases);
  }

  @Test
  void aLargeBoldNikBoxedInsideItsDigitsIsReadFromATallerBox() throws Exception {
    // The flat render of seed 606's ktp-00062 (docs/benchmarks.md, "A NIK read from a taller
    // box"): the detector's box stopped inside the tall bold digits, the recogniser read letters
    // (no NIK at all) and the clean render was refused as UNREADABLE.
    SyntheticSet.Flat flat = new SyntheticSet(AreaDirectory.load()).flat(606, 62);
    CardScan scan = scanFlat(flat);
    assertThat(scan.outcome()).isEqualTo(ScanOutcome.EXTRACTED);
    assertThat(scan.value(KtpField.NIK)).isEqualTo(flat.identity().fields().get(KtpField.NIK));
    assertThat(scan.checks().get("nikBirthDate").name()).isEqualTo("PASS");
  }

  @Test
  void namesBothFirstModelsMisreadAlikeAreNotDeliveredWrong() throws Exception {
    // Seed 606's two silent errors with the v2 checker (docs/benchmarks.md, "A third recogniser"):
    // strongly blurred photos whose name v1 and v2 read the same wrong way (SYAFI'I -> SYAFTI,
    // ELFI -> ELR). The v3 name reader, trained on other cards, reads them otherwise.
    SyntheticSet set = new SyntheticSet(AreaDirectory.load());
    for (int index : new int[] {5, 161}) {
      SyntheticSet.Positive sample = set.positive(606, index);
      String name = sample.identity().fields().get(KtpField.NAME);
      CardScan scan = reader.scan(sample.photo().jpeg());
      if (scan.outcome() == ScanOutcome.EXTRACTED) {
        assertThat(scan.value(KtpField.NAME)).as("seed 606 photo %d", index).isEqualTo(name);
      }
    }
  }

  @Test
  void anApostropheTheFirstModelReadsAsAOneIsReadByTheChecker() throws Exception {
    // The flat render of seed 606's ktp-00124 (docs/benchmarks.md, "An apostrophe read as 1, …"):
    // v1 read SYAFI'I as SYAFI1I (SYAFIII as a name), v3 read SYAFI'I; refused as UNREADABLE.
    SyntheticSet.Flat flat = new SyntheticSet(AreaDirectory.load()).flat(606, 124);
    CardScan scan = scanFlat(flat);
    assertThat(scan.outcome()).isEqualTo(ScanOutcome.EXTRACTED);
    assertThat(scan.value(KtpField.NAME))
        .isEqualTo(flat.identity().fields().get(KtpField.NAME))
        .contains("'");
  }

  @Test
  void aNameOneViewSlippedOnIsReadByTheOtherViewAndBothOfTheCheckers() throws Exception {
    // The flat render of seed 3333's ktp-00021 (docs/benchmarks.md, fresh seed 3333): v1 read
    // DEWI, its stretched view DEI, v3 DEWI on both views; refused as UNREADABLE before.
    SyntheticSet.Flat flat = new SyntheticSet(AreaDirectory.load()).flat(3333, 21);
    CardScan scan = scanFlat(flat);
    assertThat(scan.outcome()).isEqualTo(ScanOutcome.EXTRACTED);
    assertThat(scan.value(KtpField.NAME)).isEqualTo(flat.identity().fields().get(KtpField.NAME));
  }

  @Test
  void theThreeBarsOfAStreetNumeralAreAllRead() throws Exception {
    // The flat renders of seed 7171's ktp-00023 and ktp-00180 (docs/benchmarks.md, "Roman
    // numerals"): JL ANGGREK III NO. 129 and JL CEMPAKA III came out with II, the recogniser's
    // stride too coarse to emit three bars; StrokeCount counts them in the ink.
    SyntheticSet set = new SyntheticSet(AreaDirectory.load());
    for (int index : new int[] {23, 180}) {
      SyntheticSet.Flat flat = set.flat(7171, index);
      String address = flat.identity().fields().get(KtpField.ADDRESS);
      assertThat(address).contains(" III");
      assertThat(scanFlat(flat).value(KtpField.ADDRESS))
          .as("seed 7171 flat %d", index)
          .isEqualTo(address);
    }
  }

  @Test
  void aColonReadAsABarIsNotPartOfTheName() throws Exception {
    // The flat render of seed 8282's ktp-00021 (docs/benchmarks.md, "Roman numerals"): the first
    // model read ": SUHENDAR ANWAR" as "I SUHENDAR ANWAR", the checker disagreed, UNREADABLE.
    SyntheticSet.Flat flat = new SyntheticSet(AreaDirectory.load()).flat(8282, 21);
    CardScan scan = scanFlat(flat);
    assertThat(scan.value(KtpField.NAME)).isEqualTo(flat.identity().fields().get(KtpField.NAME));
    assertThat(scan.outcome()).isEqualTo(ScanOutcome.EXTRACTED);
  }

  @Test
  void negativesOfTheNegativesOnlyRunsOnceAnsweredOtherwiseHaveTheirReason() throws Exception {
    // Negatives of the negatives-only runs of seeds 1234, 5151 and 8080, and of seed 1111's run
    // (docs/benchmarks.md, "An apostrophe read as 1, and negatives, three more seeds"): KTPs cut
    // on their label side, found as a small object beside them and read from the whole photo with
    // only their regency line (KABUPATEN cut or misread) and a label or a NIK (were NOT_KTP); a
    // membership card whose labels the whole photo shows beside a small shape (was TOO_SMALL +
    // BLURRY); heavily blurred photos whose sharpness measured just above the old whole-photo
    // threshold, 1.75 (were NO_CARD).
    List<Case> cases =
        List.of(
            new Case(8080, 19, RetryReason.CROPPED),
            new Case(8080, 47, RetryReason.CROPPED),
            new Case(8080, 89, RetryReason.CROPPED),
            new Case(1111, 40, RetryReason.CROPPED),
            new Case(5151, 15, RetryReason.NOT_KTP),
            new Case(1234, 65, RetryReason.BLURRY),
            new Case(8080, 51, RetryReason.BLURRY));
    assertReasons(cases);
  }

  @Test
  void tinyCardsTheWholePhotoSearchMissesAreTooSmallAndNoCardStaysNoCard() throws Exception {
    // Seed 9191's negatives-only run (docs/benchmarks.md, "Tiny cards"): tiny cards no card-like
    // quad was found for over the whole photo were NO_CARD; the tiled search finds them. A photo
    // of the same run without a card stays NO_CARD.
    assertReasons(
        List.of(
            new Case(9191, 97, RetryReason.TOO_SMALL),
            new Case(9191, 125, RetryReason.TOO_SMALL),
            new Case(9191, 14, RetryReason.NO_CARD)));
  }

  @Test
  void photosWithoutACardMeasuredOutOfFocusAreToldFromBlurredCardsOnASmallCopy() throws Exception {
    // Fresh seeds 8181, 8282 and 8383 (docs/benchmarks.md, "Roman numerals, …"): photos without a
    // card whose smooth backdrop measured under the sharpness threshold were BLURRY. A blurred
    // photo of the same kind stays BLURRY.
    assertReasons(
        List.of(
            new Case(8181, 35, RetryReason.NO_CARD),
            new Case(8282, 14, RetryReason.NO_CARD),
            new Case(8383, 42, RetryReason.NO_CARD),
            new Case(8383, 2, RetryReason.BLURRY)));
  }

  @Test
  void ktpsCutOffWhoseTextIsSmallOrWhoseProvinceNameIsCutAreCropped() throws Exception {
    // (docs/benchmarks.md, "Blurred or no card, cut KTPs"): seed 8181's negative 19 and seed
    // 9393's 103 showed their header only when the whole photo was read at its own size (NOT_KTP,
    // TOO_SMALL before); seed 9292's 131 lost the N of NUSA TENGGARA TIMUR to the frame (NOT_KTP);
    // seed 9696's 26 lost PROVINSI and KABUPATEN whole (NOT_KTP).
    assertReasons(
        List.of(
            new Case(8181, 19, RetryReason.CROPPED),
            new Case(9393, 103, RetryReason.CROPPED),
            new Case(9292, 131, RetryReason.CROPPED),
            new Case(9696, 26, RetryReason.CROPPED)));
  }

  @Test
  void aShapeTheFrameCutsInASharpPhotoIsCroppedOnlyWhenItHoldsText() throws Exception {
    // Fresh seed 8585 (docs/benchmarks.md, "A sheet of paper at the frame's edge"): a sheet with
    // blue dashes for text, cut by the frame, was barely card-like (0.226) and answered CROPPED
    // unread; on fresh negatives-only seed 9494 another sheet, card-like enough to pass the gate
    // with a borderline blur flag, answered BLURRY. A blurred KTP of that set that reads as no
    // words in a photo measured sharp stays BLURRY; KTPs the frame cuts whose shapes took the same
    // way (negatives-only runs 1234, 5151) stay CROPPED.
    assertReasons(
        List.of(
            new Case(8585, 28, RetryReason.NO_CARD),
            new Case(9494, 105, RetryReason.NO_CARD),
            new Case(9494, 121, RetryReason.BLURRY),
            new Case(1234, 12, RetryReason.CROPPED),
            new Case(5151, 54, RetryReason.CROPPED)));
  }

  @Test
  void aSmallShapeBesideTheKtpTheFrameCutsIsNotTheKtp() throws Exception {
    // Fresh negatives-only seed 9494 (docs/benchmarks.md, "A sheet of paper at the frame's edge"):
    // the portrait of a KTP cut at its top-left corner was the shape found, 438 px wide, and its
    // lack of labels answered TOO_SMALL; the whole photo shows the KTP's text.
    assertReasons(List.of(new Case(9494, 68, RetryReason.CROPPED)));
  }

  @Test
  void aDarkBackdropWithBrightThingsOnItIsNotTooDark() throws Exception {
    // Fresh negatives-only seed 9494's negative 14: no card on a dark backdrop with a green ring
    // and coloured strokes (blue mean 34, brightest 1 % from 76) answered TOO_DARK. The photos made
    // too dark whose brightest 1 % is brightest (9393's 46, 8080's 88) stay TOO_DARK.
    assertReasons(
        List.of(
            new Case(9494, 14, RetryReason.NO_CARD),
            new Case(9393, 46, RetryReason.TOO_DARK),
            new Case(8080, 88, RetryReason.TOO_DARK)));
  }

  @Test
  void aCardTheGateBlocksForGlareOrBlurInASharpPhotoIsToldByWhatItReads() throws Exception {
    // Fresh negatives-only seed 9494's negative 1: a membership card, white under its orange
    // header where a KTP prints its NIK row, answered GLARE; seed 9595's 122, a KTP whose NIK row
    // and header glare hid, measured blurry and, its labels read without the NIK's, answered
    // NOT_KTP. KTPs with glare over their NIK row stay GLARE (seed 8585's 45 read the fewest labels
    // of them, ten).
    assertReasons(
        List.of(
            new Case(9494, 1, RetryReason.NOT_KTP),
            new Case(9595, 122, RetryReason.GLARE),
            new Case(1234, 3, RetryReason.GLARE),
            new Case(8585, 45, RetryReason.GLARE)));
  }

  @Test
  void aShapeTheGateCallsCutOrSmallAndBlurryInASharpPhotoIsToldByWhatItReads() throws Exception {
    // Fresh negatives-only seeds (docs/benchmarks.md, "Shapes the gate called cut, or small and
    // blurry"): a sheet of paper the frame cuts (9797's 35) gave CROPPED + BLURRY; a bank card
    // whose chip the finder found (9595's 1, barely card-like) and a plain green rectangle
    // card-like enough (1234's 84, 0.513) gave TOO_SMALL + BLURRY. KTPs the frame cuts whose
    // barely card-like shapes the gate blocked so (9595's 40: CROPPED + BLURRY; 9696's 61:
    // TOO_SMALL alone; 9797's 33: CROPPED alone) stay CROPPED.
    assertReasons(
        List.of(
            new Case(9797, 35, RetryReason.NO_CARD),
            new Case(1234, 84, RetryReason.NO_CARD),
            new Case(9595, 1, RetryReason.NOT_KTP),
            new Case(9595, 40, RetryReason.CROPPED),
            new Case(9696, 61, RetryReason.CROPPED),
            new Case(9797, 33, RetryReason.CROPPED)));
  }

  @Test
  void aKtpCutOnItsLabelSideShowsByANikDatedAsItsPrintedBirthDate() throws Exception {
    // Fresh negatives-only seed 9898's negative 33: the frame cut the labels, the header and the
    // NIK's first digits; the photo read S2905880051 beside LAUT, 29-05-1988 and one label, and
    // was answered NOT_KTP.
    assertReasons(List.of(new Case(9898, 33, RetryReason.CROPPED)));
  }

  @Test
  void aKtpTheFinderMissedBesideASmallerShapeIsFoundAroundItsText() throws Exception {
    // Seed 8080's negative 94 (negatives-only run): a whole KTP with glare over its NIK, on sheets
    // of print; the finder took a 112-px shape for the card and the whole photo's KTP text made it
    // CROPPED. Searched around that text the KTP is found (0.943) and the gate says GLARE. KTPs
    // the frame cuts stay CROPPED, among them 9696's 5, whose shape found around its text is
    // card-like (0.574) and runs along the frame's edge, and 9393's 75, on which a 373-px shape is
    // found there (0.542) that covers little of the KTP's text.
    assertReasons(
        List.of(
            new Case(8080, 94, RetryReason.GLARE),
            new Case(9393, 75, RetryReason.CROPPED),
            new Case(9696, 5, RetryReason.CROPPED),
            new Case(9595, 26, RetryReason.CROPPED),
            new Case(9898, 47, RetryReason.CROPPED)));
  }

  @Test
  void aKtpCutAtItsTopReadOnABarelyCardLikeOutlineAlongTheFrameIsCropped() throws Exception {
    // Fresh negatives-only seed 2222's negative 68: cut at its top and right, the KTP was read on
    // an outline 6 px from the frame's top (0.039) and extracted without a city or a province.
    assertReasons(List.of(new Case(2222, 68, RetryReason.CROPPED)));
  }

  @Test
  void ktpsCutThroughTheirValuesOrBesideASheetTakenForTheCardAreCropped() throws Exception {
    // Fresh negatives-only seeds (docs/benchmarks.md, "Blurred cards answered NO_CARD, tiny cards
    // on a page"): 6666's 19, cut through its values (I-LAKI, UM KAWIN, MUR HIDUP), and 6666's 5,
    // on its side with KABUPATEN read KAUPATN, and 5656's 89, cut through its labels (Kelamin,
    // amatan), were NOT_KTP; 7777's 19, cut at its bottom beside a
    // sheet of paper the finder took for the card (912 px, passed with a blur flag, no word on
    // it), was BLURRY. Blurred KTPs whose card reads as no words in a photo measured sharp stay
    // BLURRY (9494's 121, and 9393's 72 and 86).
    assertReasons(
        List.of(
            new Case(6666, 19, RetryReason.CROPPED),
            new Case(6666, 5, RetryReason.CROPPED),
            new Case(5656, 89, RetryReason.CROPPED),
            new Case(7777, 19, RetryReason.CROPPED),
            new Case(9494, 121, RetryReason.BLURRY),
            new Case(9393, 72, RetryReason.BLURRY),
            new Case(9393, 86, RetryReason.BLURRY)));
  }

  @Test
  void aKtpExtractedOnAPartOfItsOutlineWithoutItsLastRowsIsSearchedForAroundItsText()
      throws Exception {
    // Fresh negatives-only seed 6767's negative 96: cut at its right and bottom, read on an
    // outline that stopped at the portrait's edge and above the last rows (0.042), away from the
    // frame, and EXTRACTED. Searched for around its text, the card is cut by the frame.
    assertReasons(List.of(new Case(6767, 96, RetryReason.CROPPED)));
  }

  @Test
  void anotherCardOrAPlainShapeTheGateCallsCutIsToldByWhatItReads() throws Exception {
    // Fresh negatives-only seeds (docs/benchmarks.md, "Blurred cards answered NO_CARD, tiny cards
    // on a page"): 7777's 29, a membership card whole in the photo whose outline the finder ran up
    // to the frame (CROPPED); 7777's 57, a membership card the frame cuts, read upright with Nama
    // and Alamat and upside down as more words of nonsense (CROPPED + BLURRY); 5555's 63, a plain
    // rectangle at the frame's edge (CROPPED + BLURRY); 5656's 1, a bank card whose outline ran up
    // to the frame, its number in four groups read (CROPPED). 9797's 22, a bank card whose number
    // shows on its side beside two words only, stays NOT_KTP. KTPs the frame cuts stay CROPPED.
    assertReasons(
        List.of(
            new Case(7777, 29, RetryReason.NOT_KTP),
            new Case(7777, 57, RetryReason.NOT_KTP),
            new Case(5656, 1, RetryReason.NOT_KTP),
            new Case(9797, 22, RetryReason.NOT_KTP),
            new Case(5555, 63, RetryReason.NO_CARD),
            new Case(7777, 5, RetryReason.CROPPED),
            new Case(5555, 12, RetryReason.CROPPED)));
  }

  @Test
  void tinyCardsPaleOnAPageAreFoundInSmallerTilesAndBlankOrThinShapesThereAreNoCard()
      throws Exception {
    // Negatives-only runs (docs/benchmarks.md, "Tiny cards on a page"): tiny KTPs, pale on a pale
    // page among lines of print, that the four tiles did not find (NO_CARD before): 9191's 27,
    // 9898's 48, 1111's 83. The sixteen smaller tiles also find, in photos without a card, a grey
    // parallelogram without print (1234's 63) and a 62-px sliver (1111's 133): both stay NO_CARD.
    assertReasons(
        List.of(
            new Case(9191, 27, RetryReason.TOO_SMALL),
            new Case(9898, 48, RetryReason.TOO_SMALL),
            new Case(1111, 83, RetryReason.TOO_SMALL),
            new Case(1234, 63, RetryReason.NO_CARD),
            new Case(1111, 133, RetryReason.NO_CARD)));
  }

  @Test
  void aHeavilyBlurredCardWithoutAnOutlineFoundIsBlurryNotNoCard() throws Exception {
    // Negatives-only seeds (docs/benchmarks.md, "Blurred cards answered NO_CARD"): heavily
    // blurred KTPs the finder found no outline for, answered NO_CARD. In photos measured sharp
    // (9595's 128, 9696's 72, 2222's 2; fresh 9753's 58, under perspective, 0.84 there) the small
    // copy shows a card-shaped quad the gate calls blurry; photos far out of focus (1111's 121,
    // 9898's 2) are blurry whatever their small copy
    // shows. Photos without a card stay NO_CARD: a shape cut by the frame scoring 0.905 on the
    // small copy (1234's 56) and a dim backdrop without an edge of contrast (4444's 70); seed 42's
    // sheet round a pale square is in seed42NegativesOnceAnsweredBlurryHaveTheirReason.
    assertReasons(
        List.of(
            new Case(9595, 128, RetryReason.BLURRY),
            new Case(9696, 72, RetryReason.BLURRY),
            new Case(2222, 2, RetryReason.BLURRY),
            new Case(9753, 58, RetryReason.BLURRY),
            new Case(1111, 121, RetryReason.BLURRY),
            new Case(9898, 2, RetryReason.BLURRY),
            new Case(1234, 56, RetryReason.NO_CARD),
            new Case(4444, 70, RetryReason.NO_CARD)));
  }

  @Test
  void anotherCardOrAKtpBesideTheShapeTheFinderTookIsReadFromTheWholePhoto() throws Exception {
    // Fresh negatives-only seed 9753 (docs/benchmarks.md, "Shapes beside the card"): its 15, a
    // bank card whose number the whole photo shows only read at its own size, 1,440 px (CROPPED +
    // BLURRY on a teal rectangle at the frame's edge); its 19, a KTP cut at its bottom whose
    // portrait block the finder took, 0.594, no word on it (BLURRY). Negatives-only seed 5656's 26:
    // a KTP cut at its bottom and right, the finder's outline on the background round its corner,
    // two words read there (BLURRY). Fresh negatives-only seed 5858's 43: a bank card whose corner
    // the finder took, card-like and small (TOO_SMALL + BLURRY). Tiny KTPs stay TOO_SMALL (9753's
    // 6: its text, where the whole photo shows it, lies on it).
    assertReasons(
        List.of(
            new Case(9753, 15, RetryReason.NOT_KTP),
            new Case(9753, 19, RetryReason.CROPPED),
            new Case(5656, 26, RetryReason.CROPPED),
            new Case(5858, 43, RetryReason.NOT_KTP),
            new Case(9753, 6, RetryReason.TOO_SMALL)));
  }

  @Test
  void aKtpWholeInTheFrameWhoseReadingWhatTheGateFlaggedSpoiledIsAnsweredSo() throws Exception {
    // Fresh negatives-only seed 3141's negative 3: a KTP on its side, glare over half of it, found
    // whole (0.885) and passed with GLARE and BLURRY flagged; read as eleven words and no label,
    // while the whole photo, turned, shows a KTP's labels on it: it was CROPPED.
    NegativeMaker.Negative negative = new SyntheticSet(AreaDirectory.load()).negative(3141, 3);
    assertThat(negative.reason()).isEqualTo(RetryReason.GLARE);
    CardScan scan = reader.scan(negative.photo().jpeg());
    assertThat(scan.reasons()).contains(RetryReason.GLARE).doesNotContain(RetryReason.CROPPED);
  }

  @Test
  void aBlankSmallShapeInAPhotoWithoutWordsIsNoCardUnlessATinyCardLiesElsewhere() throws Exception {
    // Fresh seed 3434's benchmark negative 14: a plain green rectangle, barely card-like (0.321),
    // bearing no print, in a photo without a word (TOO_SMALL + BLURRY); negatives-only seed 9898's
    // 112, a shape as plain though the gate measured it sharper (its ink range: 8). 1111's 62 is
    // a tiny KTP beside a blank blue rectangle the finder took, which neither the tiled search nor
    // the whole-photo search finds but the small copy does: TOO_SMALL.
    assertReasons(
        List.of(
            new Case(3434, 14, RetryReason.NO_CARD),
            new Case(9898, 112, RetryReason.NO_CARD),
            new Case(1111, 62, RetryReason.TOO_SMALL)));
  }

  @Test
  void printTooSmallForTheDetectorAtTheWholePhotosScaleIsReadAroundItsWords() throws Exception {
    // Negatives-only seeds (docs/benchmarks.md, "Shapes beside the card"): 5656's 33, a KTP cut at
    // the top-left corner of a 1,600-px photo, four words and no label read whole (NOT_KTP); fresh
    // 3141's 57, a driving licence on a page whose outline the finder missed, two words (NO_CARD).
    // Tiny KTPs stay TOO_SMALL: their text, readable closer, is a tiny card's.
    assertReasons(
        List.of(
            new Case(5656, 33, RetryReason.CROPPED),
            new Case(3141, 57, RetryReason.NOT_KTP),
            new Case(9753, 27, RetryReason.TOO_SMALL),
            new Case(1111, 62, RetryReason.TOO_SMALL)));
  }

  /** Negative {@code index} of a set written with {@code seed}, made for {@code reason}. */
  private record Case(long seed, int index, RetryReason reason) {}

  /** Each case's negative, made alone, is answered with its reason and no other. */
  private void assertReasons(List<Case> cases) throws UnreadableImageException {
    SyntheticSet set = new SyntheticSet(AreaDirectory.load());
    for (Case c : cases) {
      NegativeMaker.Negative negative = set.negative(c.seed(), c.index());
      assertThat(negative.reason()).isEqualTo(c.reason());
      CardScan scan = reader.scan(negative.photo().jpeg());
      assertThat(scan.reasons())
          .as("seed %d negative %d", c.seed(), c.index())
          .containsExactly(c.reason());
    }
  }

  /** A flat render read as the benchmark reads it: written as PNG, decoded by OpenCV, scanned. */
  private static CardScan scanFlat(SyntheticSet.Flat flat) throws java.io.IOException {
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(flat.card().image(), "png", png);
    Mat card = Imgcodecs.imdecode(new MatOfByte(png.toByteArray()), Imgcodecs.IMREAD_COLOR);
    try {
      return reader.scanFlatCard(card);
    } finally {
      card.release();
    }
  }

  /** Generated negatives of one kind whose photos are sharp as a whole, answered otherwise. */
  private static List<String> wrongReasonsInSharpPhotos(
      RetryReason expected, int seeds, int minSharp) {
    NegativeMaker maker = new NegativeMaker();
    IdentityGenerator identities = new IdentityGenerator(AreaDirectory.load());
    List<String> wrong = new ArrayList<>();
    int sharp = 0;
    for (long seed = 1; seed <= seeds; seed++) {
      Random rnd = new Random(seed);
      NegativeMaker.Negative negative = maker.make(expected, identities.next(rnd), rnd);
      Mat photo =
          Imgcodecs.imdecode(new MatOfByte(negative.photo().jpeg()), Imgcodecs.IMREAD_COLOR);
      try {
        if (QualityGate.photoSharpness(photo) < QualityGate.MIN_PHOTO_SHARPNESS) {
          continue;
        }
        sharp++;
        CardScan scan = reader.scan(photo);
        if (!scan.reasons().equals(List.of(expected))) {
          wrong.add("seed " + seed + " -> " + scan.outcome() + " " + scan.reasons());
        }
      } finally {
        photo.release();
      }
    }
    assertThat(sharp)
        .as("sharp photos among the %s negatives", expected)
        .isGreaterThanOrEqualTo(minSharp);
    return wrong;
  }
}
