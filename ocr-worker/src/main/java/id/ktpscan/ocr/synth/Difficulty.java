package id.ktpscan.ocr.synth;

/**
 * How hard a positive photo is to read. HARD photos carry at least one of the conditions that
 * defeat off-the-shelf readers (glare, strong blur, faded print, a card under 600 px wide, a card
 * turned 90°/180°/270°) yet stay readable by a person, so a retake would not be justified.
 */
public enum Difficulty {
  EASY,
  MEDIUM,
  HARD
}
