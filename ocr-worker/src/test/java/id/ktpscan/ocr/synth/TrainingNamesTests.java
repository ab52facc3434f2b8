package id.ktpscan.ocr.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainingNamesTests {

  @Test
  void insertsAnApostropheAfterAnInnerVowel() {
    Random rnd = new Random(1);
    for (int i = 0; i < 50; i++) {
      String word = TrainingNames.withApostrophe("ROBIAH", rnd);
      assertThat(word.replace("'", "")).isEqualTo("ROBIAH");
      assertThat(word).containsOnlyOnce("'").doesNotStartWith("'").doesNotEndWith("'");
      int at = word.indexOf('\'');
      assertThat("AIUEO").contains(String.valueOf(word.charAt(at - 1)));
    }
    assertThat(TrainingNames.withApostrophe("BRR", rnd)).isEqualTo("BRR"); // no inner vowel
  }

  @Test
  void doublesOneInnerLetter() {
    Random rnd = new Random(2);
    for (int i = 0; i < 50; i++) {
      String word = TrainingNames.withDoubled("HASANUDIN", rnd);
      assertThat(word).hasSize("HASANUDIN".length() + 1);
      int doubled = 0;
      for (int k = 1; k < word.length(); k++) {
        doubled += word.charAt(k) == word.charAt(k - 1) ? 1 : 0;
      }
      assertThat(doubled).isEqualTo(1);
    }
  }

  @Test
  void namesAreShortPrintableAndVaried() {
    Random rnd = new Random(3);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      String name = TrainingNames.make("MUHAMMAD REZA HASANUDDIN", rnd);
      assertThat(name).hasSizeLessThanOrEqualTo(TrainingNames.MAX_LENGTH).matches("[A-Z' ]+");
      assertThat(name).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
      names.add(name);
    }
    assertThat(names.stream().filter(n -> n.contains("'")).count()).isGreaterThan(300);
    assertThat(names.stream().filter(n -> n.contains("Z")).count()).isGreaterThan(300);
    assertThat(names.stream().distinct().count()).isGreaterThan(1800);
  }

  @Test
  void sameSeedSameName() {
    assertThat(TrainingNames.make("SITI AMINAH", new Random(9)))
        .isEqualTo(TrainingNames.make("SITI AMINAH", new Random(9)));
  }
}
