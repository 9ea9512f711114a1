import type { Locale } from "@/lib/i18n/locales";

/**
 * Review freshness: facts about medications, laws and ASAM editions change, so an article that names one must have
 * been checked against its sources within REVIEW_MAX_AGE_MONTHS. Judged against a date passed in, never the clock:
 * a stale article is a warning for the build and a line in the content report, never a red test.
 */

/** How old `lastReviewed` may be, in months, for an article that names a medication, a law or an ASAM edition. */
export const REVIEW_MAX_AGE_MONTHS = 12;

type ReviewTopicKind = "medication" | "law" | "edition";

export interface ReviewTopic {
  kind: ReviewTopicKind;
  /** The words as the article writes them, e.g. "buprenorphine" or "42 CFR". */
  text: string;
}

/** Medications for substance use disorders (generic and common US brand names); the config's own list is added to these. */
const MEDICATIONS = [
  "buprenorphine",
  "methadone",
  "naltrexone",
  "naloxone",
  "acamprosate",
  "disulfiram",
  "Suboxone",
  "Sublocade",
  "Zubsolv",
  "Vivitrol",
  "Narcan",
  "Antabuse",
  "Campral",
];

/** Laws and regulations. Case matters where a word is also an everyday word ("Act", "ADA", "Part 2"). */
const LAWS: RegExp[] = [
  /\b\d+\s*C\.?F\.?R\.?(?![A-Za-z])/g,
  /\bPart 2\b/g,
  /\bU\.S\.C\.|\bU\.S\. Code\b/g,
  /\bFMLA\b/g,
  /\bADA\b/g,
  /\bHIPAA\b/g,
  /\bparity\b/gi,
  /\bGood Samaritan\b/gi,
  // A named act: "Americans with Disabilities Act", "Affordable Care Act", "Consolidated Appropriations Act", "FTC Act".
  // Capitalized words, with small words only between them, so "Under the Affordable Care Act" names the act alone.
  /\b(?:[A-Z][A-Za-z'’.-]*\s+(?:(?:of|and|for|on|to|in|with)\s+)?)+Act\b/g,
];

/** Editions of the ASAM Criteria (and any "3rd/4th edition" named in prose, which is usually ASAM's). */
const EDITIONS: RegExp[] = [/\bASAM Criteria\b/gi, /\b(?:3rd|4th|third|fourth)[\s-]+edition\b/gi];

/**
 * The same topics as a language other than English writes them. English is always read too: articles in every
 * language cite sources by their English titles ("42 CFR Part 2", "ASAM Criteria (3rd edition)"), and brand names,
 * FMLA, ADA, HIPAA and "42 CFR" are written the same way.
 */
const LOCAL: Partial<Record<Locale, { medications: string[]; laws: RegExp[]; editions: RegExp[] }>> = {
  es: {
    medications: ["buprenorfina", "metadona", "naltrexona", "naloxona", "acamprosato", "disulfiramo"],
    laws: [
      /\bParte 2\b/g,
      /\bCódigo de Regulaciones Federales\b|\bCódigo de los Estados Unidos\b/g,
      /\bparidad\b/gi,
      /\bbuen samaritano\b/gi,
      // A named law: "Ley de Licencia Familiar y Médica", "Ley Sin Sorpresas", "Ley de Asignaciones Consolidadas de
      // 2023", "Ley de la FTC". Capitalized words or a year, with small words only between them; a name ends at a
      // full stop; "la ley de su estado" is not a name.
      /\bLey(?:\s+(?:(?:de|del|la|las|los|el|y|e|para|con|en|a|contra)\s+)*(?:\p{Lu}(?:[\p{L}'’-]|\.(?=\p{L}))*|\d{4}))+/gu,
    ],
    editions: [/\bCriterios (?:de la )?ASAM\b/gi, /(?<![\p{L}\d])(?:[34]\.?ª|tercera|cuarta)\s+edición(?!\p{L})/giu],
  },
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * What in a text makes its article need regular review: each medication, law and edition it names, once each, in
 * English and in the words of `locale`. `medications` adds names to the built-in list (the center config's medications).
 */
export function reviewTopics(text: string, locale: Locale, medications: readonly string[] = []): ReviewTopic[] {
  const found = new Map<string, ReviewTopic>();
  const add = (kind: ReviewTopicKind, words: string) => {
    const key = `${kind}:${words.toLowerCase()}`;
    if (!found.has(key)) found.set(key, { kind, text: words });
  };
  const local = LOCAL[locale];
  const names = [...new Set([...MEDICATIONS, ...(local?.medications ?? []), ...medications].map((m) => m.toLowerCase()))];
  const medicationPattern = new RegExp(`\\b(?:${names.map(escape).join("|")})\\b`, "gi");
  for (const m of text.matchAll(medicationPattern)) add("medication", m[0].toLowerCase());
  for (const re of [...LAWS, ...(local?.laws ?? [])]) for (const m of text.matchAll(re)) add("law", m[0].replace(/\s+/g, " ").replace(/^The /, ""));
  for (const re of [...EDITIONS, ...(local?.editions ?? [])]) for (const m of text.matchAll(re)) add("edition", m[0].replace(/\s+/g, " "));
  // "Parity" inside "Mental Health Parity and Addiction Equity Act" is the same law, named once.
  const all = [...found.values()];
  return all.filter((t) => !all.some((o) => o !== t && o.kind === t.kind && o.text.toLowerCase().includes(t.text.toLowerCase())));
}

/** The day a review falls due: `lastReviewed` plus REVIEW_MAX_AGE_MONTHS (a 29 February rolls to 1 March). */
export function reviewDue(lastReviewed: string): string {
  const d = new Date(`${lastReviewed}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + REVIEW_MAX_AGE_MONTHS);
  return d.toISOString().slice(0, 10);
}

export interface ReviewStatus {
  file: string;
  slug: string;
  lastReviewed: string;
  due: string;
  topics: ReviewTopic[];
  /** True when the article names something that dates and `today` is past its due date. */
  stale: boolean;
}

/** Whether an article needs review on `today` (YYYY-MM-DD), from the words a reader sees (`text`), in its language. */
export function reviewStatus(
  article: { file: string; slug: string; lastReviewed: string; locale: Locale },
  text: string,
  today: string,
  medications: readonly string[] = [],
): ReviewStatus {
  const topics = reviewTopics(text, article.locale, medications);
  const due = reviewDue(article.lastReviewed);
  return { file: article.file, slug: article.slug, lastReviewed: article.lastReviewed, due, topics, stale: topics.length > 0 && today > due };
}

/** Names the topics for a message: "buprenorphine (medication), 42 CFR (law)". */
export function describeTopics(topics: readonly ReviewTopic[]): string {
  return topics.map((t) => `${t.text} (${t.kind})`).join(", ");
}
