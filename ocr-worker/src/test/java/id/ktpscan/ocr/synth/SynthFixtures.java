package id.ktpscan.ocr.synth;

import id.ktpscan.ocr.area.AreaDirectory;

/** The area directory and generator, loaded once for all synth tests. */
final class SynthFixtures {

  static final AreaDirectory AREAS = AreaDirectory.load();
  static final IdentityGenerator GENERATOR = new IdentityGenerator(AREAS);

  private SynthFixtures() {}
}
