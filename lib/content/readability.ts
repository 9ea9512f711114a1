import { syllable } from "syllable";
import { proseBlocks } from "./markdown";

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch-Kincaid grade level. */
  grade: number;
}

/** Splits prose into sentences; a list item or short block without end punctuation still counts as one. */
export function sentences(block: string): string[] {
  return (
    block
      .replace(/\b(e\.g|i\.e|etc|vs|Dr|Mr|Ms|Mrs|No|St|U\.S)\./g, "$1")
      // A <Cite /> written after the full stop belongs to the sentence before it, not to the next one.
      .split(/(?<=[.!?]["')\]]*(?:\s*<Cite\s[^>]*\/>)*)\s+(?!\s|<Cite\s)/)
      .map((s) => s.trim())
      .filter((s) => /[A-Za-z]/.test(s))
  );
}

const wordsOf = (s: string) => s.match(/[A-Za-z][A-Za-z'’-]*|\d+(?:[.,]\d+)*/g) ?? [];

/**
 * Flesch-Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
 * Numbers count as one word of one syllable per digit group, close to how they are read aloud.
 */
export function readability(body: string): Readability {
  let words = 0;
  let count = 0;
  let syllables = 0;
  for (const block of proseBlocks(body)) {
    for (const s of sentences(block)) {
      const ws = wordsOf(s);
      if (ws.length === 0) continue;
      count++;
      words += ws.length;
      for (const w of ws) syllables += /^\d/.test(w) ? 1 : Math.max(1, syllable(w));
    }
  }
  const grade = words === 0 ? 0 : 0.39 * (words / count) + 11.8 * (syllables / words) - 15.59;
  return { words, sentences: count, syllables, grade: Math.round(grade * 10) / 10 };
}
