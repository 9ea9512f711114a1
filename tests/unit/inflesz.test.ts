import { describe, expect, it } from "vitest";
import { loadArticles } from "@/lib/content/load";
import {
  MIN_INFLESZ,
  MIN_MEDIAN_INFLESZ,
  infleszBand,
  median,
  scoreSpanish,
  spanishReadability,
  spanishSentences,
  spanishSyllables,
} from "@/lib/content/inflesz";

/**
 * The Spanish readability gate (content/es/WRITING.md §9): syllables counted by the Real Academia's orthographic rules,
 * tested on words whose count is known; the INFLESZ formula and its bands; the gate's thresholds on the articles.
 */

describe("Spanish syllables, by rule", () => {
  it.each([
    // Diphthongs and triphthongs: one syllable.
    ["ciudad", 2],
    ["agua", 2],
    ["hoy", 1],
    ["muy", 1],
    ["y", 1],
    ["buey", 1],
    ["Uruguay", 3],
    ["estudiáis", 3],
    ["abstinencia", 4],
    ["desintoxicación", 6],
    ["lingüística", 4],
    ["construí", 2],
    // Hiatus: two syllables.
    ["día", 2],
    ["país", 2],
    ["reúne", 3],
    ["teatro", 3],
    ["leer", 2],
    ["creer", 2],
    ["héroe", 3],
    ["recaída", 4],
    ["chiita", 3],
    ["reír", 2],
    ["oído", 3],
    // Silent u in que, qui, gue, gui; ü is a vowel.
    ["queso", 2],
    ["guitarra", 3],
    ["guía", 2],
    ["pingüino", 3],
    ["vergüenza", 3],
    // h neither breaks nor makes a diphthong.
    ["ahumado", 3],
    ["búho", 2],
    ["prohíbe", 3],
    ["cohibido", 3],
    ["ahí", 2],
    // y as a consonant.
    ["mayo", 2],
    ["leyes", 2],
    ["ya", 1],
    // One syllable by the 2010 convention, as written.
    ["guion", 1],
    ["truhan", 1],
    ["huir", 1],
    ["fie", 1],
    ["lio", 1],
    // Ordinary words of the site.
    ["buprenorfina", 5],
    ["naloxona", 4],
    ["programa", 3],
    ["ambulatorio", 5],
    ["intensivo", 4],
    ["tratamiento", 4],
    ["seguro", 3],
    ["médico", 3],
  ])("%s has %i", (word, n) => {
    expect(spanishSyllables(word)).toBe(n);
  });

  it("counts capitals and accented capitals alike, and gives a word without vowels one syllable", () => {
    expect(spanishSyllables("DÍA")).toBe(spanishSyllables("día"));
    expect(spanishSyllables("Ángel")).toBe(2);
    expect(spanishSyllables("sr")).toBe(1);
  });
});

describe("Spanish sentences", () => {
  it("ends at . ? ! and keeps ¿…? and ¡…! whole", () => {
    expect(spanishSentences("¿Qué es un IOP? Es un programa. ¡Llame hoy!")).toEqual(["¿Qué es un IOP?", "Es un programa.", "¡Llame hoy!"]);
  });

  it("does not end a sentence at an abbreviation's stop, and keeps a <Cite /> after the stop with its sentence", () => {
    expect(spanishSentences("En EE. UU. hay muchos programas. De 9:00 a. m. a 12:00 p. m. hay grupo.")).toHaveLength(2);
    expect(spanishSentences("Es común.<Cite n={1} /> Muchos terminan.")).toEqual(["Es común.<Cite n={1} />", "Muchos terminan."]);
  });
});

describe("the INFLESZ score", () => {
  it("applies Szigriszt-Pazos's formula: 206.835 − 62.3 × syllables/word − words/sentence", () => {
    // 4 words, 7 syllables (us-ted vi-ve en ca-sa), 1 sentence: 206.835 − 62.3 × 7/4 − 4 ≈ 93.8
    const r = scoreSpanish(["Usted vive en casa."]);
    expect(r).toMatchObject({ words: 4, sentences: 1, syllables: 7 });
    expect(r.inflesz).toBeCloseTo(206.835 - 62.3 * (7 / 4) - 4, 1);
    // Fernández-Huerta, corrected: a longer sentence scores lower, never higher.
    expect(r.fernandezHuerta).toBeCloseTo(206.84 - 60 * (7 / 4) - 1.02 * 4, 1);
    const longer = scoreSpanish(["Usted vive en casa y sigue con su trabajo, sus estudios y su familia cada semana."]);
    expect(longer.fernandezHuerta).toBeLessThan(
      scoreSpanish(["Usted vive en casa. Sigue con su trabajo. Sus estudios siguen. Su familia también."]).fernandezHuerta,
    );
  });

  it("counts a number as one word of two syllables", () => {
    expect(scoreSpanish(["Son 9 horas."])).toMatchObject({ words: 3, syllables: 1 + 2 + 2 });
  });

  it.each([
    [85, "muy fácil"],
    [80, "muy fácil"],
    [79.9, "bastante fácil"],
    [65, "bastante fácil"],
    [64.9, "normal"],
    [55, "normal"],
    [54.9, "algo difícil"],
    [40, "algo difícil"],
    [39.9, "muy difícil"],
  ])("%d is %s (a band's lower bound belongs to it)", (score, band) => {
    expect(infleszBand(score)).toBe(band);
  });

  it("takes the median of an odd and an even count", () => {
    expect(median([70, 50, 60])).toBe(60);
    expect(median([70, 50, 60, 80])).toBe(65);
  });
});

describe("the Spanish articles", () => {
  const scores = loadArticles("es").map((a) => ({ slug: a.slug, ...spanishReadability(a.body) }));

  it(`each reads at "normal" or easier (INFLESZ ≥ ${MIN_INFLESZ})`, () => {
    expect(scores.length).toBeGreaterThan(0);
    expect(scores.filter((s) => s.inflesz < MIN_INFLESZ).map((s) => `${s.slug}: ${s.inflesz}`)).toEqual([]);
  });

  it(`the median article reads "bastante fácil" (INFLESZ ≥ ${MIN_MEDIAN_INFLESZ})`, () => {
    expect(median(scores.map((s) => s.inflesz))).toBeGreaterThanOrEqual(MIN_MEDIAN_INFLESZ);
  });
});
