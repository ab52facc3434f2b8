package id.ktpscan.ocr.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of a photo's ranked candidates {@link CardFinder#find} takes. */
class PreferredCardTests {

  private static CardFinder.Candidate candidate(double score, double areaShare) {
    CardFinder.Candidate c = new CardFinder.Candidate();
    c.score = score;
    c.areaShare = areaShare;
    return c;
  }

  @Test
  void thePreferredCandidateWinsWhenItLooksLikeACard() {
    CardFinder.Candidate first = candidate(0.6, 0.3);
    List<CardFinder.Candidate> ranked = List.of(first, candidate(0.99, 0.1));

    assertThat(CardFinder.preferredCard(ranked)).isSameAs(first);
  }

  @Test
  void aSmallerCardLikeCandidateBeatsPreferredOutlinesThatAreNoCard() {
    // A tiny card on a page: the page's long edges rank first, with no card-like inside.
    CardFinder.Candidate card = candidate(0.56, 0.01);
    List<CardFinder.Candidate> ranked =
        List.of(candidate(0.0, 0.05), candidate(0.1, 0.3), card, candidate(0.9, 0.005));

    assertThat(CardFinder.preferredCard(ranked)).isSameAs(card);
  }

  @Test
  void aCardLikeCandidateOfAboutThePreferredSizeDoesNotReplaceIt() {
    // A region of a photo without a card, barely card-like, nearly as large as the outline
    // preferred: replacing one guess with the other would only change which reason comes back.
    CardFinder.Candidate first = candidate(0.02, 0.14);
    List<CardFinder.Candidate> ranked = List.of(first, candidate(0.03, 0.06), candidate(0.5, 0.12));

    assertThat(CardFinder.preferredCard(ranked)).isSameAs(first);
  }

  @Test
  void aLargerCardLikeCandidateDoesNotBeatThePreferredOne() {
    // A pale backdrop around a small bank card can look card-like; the bank card is what to read.
    CardFinder.Candidate bankCard = candidate(0.01, 0.2);
    List<CardFinder.Candidate> ranked = List.of(bankCard, candidate(0.75, 0.6));

    assertThat(CardFinder.preferredCard(ranked)).isSameAs(bankCard);
  }

  @Test
  void withoutACardLikeCandidateThePreferredOneStands() {
    // Its low score then says "no card" (or a barely card-like shape) to the reader.
    CardFinder.Candidate first = candidate(0.3, 0.2);
    List<CardFinder.Candidate> ranked = List.of(first, candidate(0.45, 0.1), candidate(0.0, 0.1));

    assertThat(CardFinder.preferredCard(ranked)).isSameAs(first);
  }
}
