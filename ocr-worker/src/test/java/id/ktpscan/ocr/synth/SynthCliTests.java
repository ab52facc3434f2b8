package id.ktpscan.ocr.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SynthCliTests {

  private static SynthCli.Options parse(String... args) {
    return SynthCli.parse(args);
  }

  @Test
  void negativesAreAQuarterOfThePositivesAtLeastOnePerReason() {
    assertThat(parse("--n", "200", "--seed", "42", "--out", "d", "--negatives"))
        .isEqualTo(new SynthCli.Options(200, 42, Path.of("d"), 50));
    assertThat(parse("--out", "d", "--negatives", "--n", "4").negatives())
        .isEqualTo(NegativeMaker.REASONS.size());
    assertThat(parse("--n", "20", "--out", "d").negatives()).isZero();
  }

  @Test
  void aNegativeCountOverridesTheDefault() {
    assertThat(parse("--n", "0", "--negative-count", "140", "--out", "d").negatives())
        .isEqualTo(140);
    assertThat(parse("--negative-count", "3", "--negatives", "--out", "d").negatives())
        .isEqualTo(3);
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> parse("--n", "5")).hasMessageContaining("--out is required");
    assertThatThrownBy(() -> parse("--out", "d", "--negative-count", "-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parse("--out", "d", "--bogus")).hasMessageContaining("--bogus");
    assertThatThrownBy(() -> parse("--out", "d", "--n")).hasMessageContaining("--n needs a value");
  }
}
