import { proseBlocks } from "./markdown";

/**
 * Readability of Spanish text on the INFLESZ scale (Barrio-Cantalejo et al., An Sist Sanit Navar 2008;31(2):135-152):
 * Szigriszt-Pazos's "perspicuidad" formula, read with the INFLESZ bands validated for texts written for patients.
 * content/es/WRITING.md §9 explains the choice, the sources and the counting rules below.
 *
 *   INFLESZ = 206.835 − 62.3 × (syllables / words) − (words / sentences)
 *
 * Fernández-Huerta's formula, in its corrected form that scales with length (206.84 − 60 × syllables/word − 1.02 ×
 * words/sentence; the often-copied per-100-words form has the sentence term backwards), is reported beside it only.
 */

/** The INFLESZ bands. Each lower bound belongs to its band: 55 is "normal", 65 "bastante fácil". */
const INFLESZ_BANDS = [
  { min: 80, name: "muy fácil" },
  { min: 65, name: "bastante fácil" },
  { min: 55, name: "normal" },
  { min: 40, name: "algo difícil" },
  { min: -Infinity, name: "muy difícil" },
] as const;
export type InfleszBand = (typeof INFLESZ_BANDS)[number]["name"];

export const infleszBand = (score: number): InfleszBand => INFLESZ_BANDS.find((b) => score >= b.min)!.name;

/** The lowest INFLESZ an article may have ("normal"), and the lowest the median article may have ("bastante fácil"). */
export const MIN_INFLESZ = 55;
export const MIN_MEDIAN_INFLESZ = 65;

// Open ("strong") vowels, and í/ú with a written accent, which always stand as a syllable's nucleus of their own.
const STRONG = new Set([..."aeoáéóíú"]);
// Closed ("weak") vowels without an accent; ü is always pronounced.
const WEAK = new Set([..."iuü"]);
const isVowel = (c: string) => STRONG.has(c) || WEAK.has(c);

/**
 * Syllables of one written Spanish word, by the orthographic rules of the Real Academia's Ortografía (2010): only the
 * vowel nuclei are counted, so consonant clusters never matter.
 * - A closed vowel (i, u, ü) next to an open one (a, e, o) joins it (diphthong: "ciu-dad", "a-gua"); i with u joins
 *   too ("ciu", "cui"), also when the second one has an accent ("lin-güís-ti-ca", "cons-truí"); closed + open + closed
 *   is one (triphthong: "es-tu-diáis", "buey").
 * - Two open vowels (te-a-tro), an accented í or ú beside an open vowel (dí-a, pa-ís, re-ú-ne) and two identical vowels
 *   (le-er, chi-i-ta) are a hiatus: two syllables.
 * - "h" is silent and neither breaks nor makes a diphthong (ahu-ma-do, pro-hí-be, bú-ho).
 * - The u of que, qui, gue, gui is silent (que-so, gui-ta-rra, guí-a); in gua, guo and with ü it is a vowel.
 * - y is a vowel at the end of a word after a vowel (hoy, muy, U-ru-guay) and as the word "y"; elsewhere a consonant.
 * - Words written without an accent by the 2010 convention (guion, truhan, fie, lio, hui) count as one syllable, as
 *   written.
 * Every word has at least one syllable.
 */
export function spanishSyllables(word: string): number {
  let w = word.normalize("NFC").toLowerCase();
  if (w === "y") return 1;
  w = w.replace(/([aeiouáéíóú])y$/, "$1i");
  w = w.replace(/h/g, "");
  w = w.replace(/([qg])u(?=[eiéí])/g, "$1");
  let count = 0;
  let prev: string | null = null;
  // Whether the current nucleus already holds an open vowel (so a second open vowel starts a new one).
  let nucleusHasStrong = false;
  for (const c of w) {
    if (!isVowel(c)) {
      prev = null;
      continue;
    }
    const strong = STRONG.has(c);
    let joins = false;
    if (prev !== null) {
      if (STRONG.has(prev))
        joins = !strong; // open + closed: falling diphthong
      else if (strong)
        joins = !nucleusHasStrong; // closed + open: rising diphthong (or the middle of a triphthong)
      else joins = prev !== c && !(prev === "ü" && c === "u"); // iu, ui (ü counts as u); ii, uu are a hiatus
    }
    if (joins) {
      nucleusHasStrong ||= strong;
    } else {
      count++;
      nucleusHasStrong = strong;
    }
    prev = c;
  }
  return Math.max(1, count);
}

/** Abbreviations whose full stops end no sentence (Spanish, and the English ones an article may quote). */
const ABBREVIATIONS = /\b(EE\. ?UU|p\. ?ej|a\. ?m|p\. ?m|n\.º|etc|Dr|Dra|Sr|Sra|Sres|núm|pág|e\.g|i\.e|vs|U\.S)\./g;

/**
 * Sentences of a block of Spanish prose: they end at . ? ! or … followed by a space (a closing quote or bracket and a
 * <Cite /> after the stop belong to the sentence). ¿ and ¡ open a sentence without ending the one before, and the
 * stops of the abbreviations above end nothing. A list item or short block without a stop still counts as one.
 */
export function spanishSentences(block: string): string[] {
  return block
    .replace(ABBREVIATIONS, (m) => m.replace(/\./g, ""))
    .split(/(?<=[.!?…]["'”»)\]]*(?:\s*<Cite\s[^>]*\/>)*)\s+(?!\s|<Cite\s)/)
    .map((s) => s.trim())
    .filter((s) => /[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]/.test(s));
}

/** Words: runs of letters (a hyphen or apostrophe splits them), and numbers as one word each. */
const spanishWords = (s: string) => s.match(/[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+|\d+(?:[.,]\d+)*/g) ?? [];

/**
 * A number is read aloud as a word or two ("nueve", "veinticuatro", "dos punto uno"): it counts as one word of two
 * syllables, close to the Spanish average, so figures neither raise nor lower a score. Acronyms and brand names
 * (IOP, SAMHSA, Suboxone) follow the rules above as written, an approximation of how they are read.
 */
const NUMBER_SYLLABLES = 2;

export interface SpanishReadability {
  words: number;
  sentences: number;
  syllables: number;
  /** INFLESZ (Szigriszt-Pazos), rounded to one decimal: the gate's figure. */
  inflesz: number;
  band: InfleszBand;
  /** Fernández-Huerta, corrected form, rounded to one decimal: reported, never gated. */
  fernandezHuerta: number;
}

/** Scores text (plain sentences, not MDX). */
export function scoreSpanish(blocks: readonly string[]): SpanishReadability {
  let words = 0;
  let count = 0;
  let syllables = 0;
  for (const block of blocks) {
    for (const s of spanishSentences(block.replace(/<Cite\s[^>]*\/>/g, " "))) {
      const ws = spanishWords(s);
      if (ws.length === 0) continue;
      count++;
      words += ws.length;
      for (const w of ws) syllables += /^\d/.test(w) ? NUMBER_SYLLABLES : spanishSyllables(w);
    }
  }
  if (words === 0) return { words: 0, sentences: 0, syllables: 0, inflesz: 0, band: infleszBand(0), fernandezHuerta: 0 };
  const perWord = syllables / words;
  const perSentence = words / count;
  const round = (n: number) => Math.round(n * 10) / 10;
  const inflesz = round(206.835 - 62.3 * perWord - perSentence);
  return { words, sentences: count, syllables, inflesz, band: infleszBand(inflesz), fernandezHuerta: round(206.84 - 60 * perWord - 1.02 * perSentence) };
}

/** INFLESZ of an article body (MDX): the prose a reader meets, as the English grade reads it (lib/content/markdown.ts). */
export function spanishReadability(body: string): SpanishReadability {
  return scoreSpanish(proseBlocks(body));
}

/** The median of some scores (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
