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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * What in a text makes its article need regular review: each medication, law and edition it names, once each.
 * `medications` adds names to the built-in list (the center config's medications).
 */
export function reviewTopics(text: string, medications: readonly string[] = []): ReviewTopic[] {
  const found = new Map<string, ReviewTopic>();
  const add = (kind: ReviewTopicKind, words: string) => {
    const key = `${kind}:${words.toLowerCase()}`;
    if (!found.has(key)) found.set(key, { kind, text: words });
  };
  const names = [...new Set([...MEDICATIONS, ...medications].map((m) => m.toLowerCase()))];
  const medicationPattern = new RegExp(`\\b(?:${names.map(escape).join("|")})\\b`, "gi");
  for (const m of text.matchAll(medicationPattern)) add("medication", m[0].toLowerCase());
  for (const re of LAWS) for (const m of text.matchAll(re)) add("law", m[0].replace(/\s+/g, " ").replace(/^The /, ""));
  for (const re of EDITIONS) for (const m of text.matchAll(re)) add("edition", m[0].replace(/\s+/g, " "));
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

/** Whether an article needs review on `today` (YYYY-MM-DD), from the words a reader sees (`text`). */
export function reviewStatus(
  article: { file: string; slug: string; lastReviewed: string },
  text: string,
  today: string,
  medications: readonly string[] = [],
): ReviewStatus {
  const topics = reviewTopics(text, medications);
  const due = reviewDue(article.lastReviewed);
  return { file: article.file, slug: article.slug, lastReviewed: article.lastReviewed, due, topics, stale: topics.length > 0 && today > due };
}

/** Names the topics for a message: "buprenorphine (medication), 42 CFR (law)". */
export function describeTopics(topics: readonly ReviewTopic[]): string {
  return topics.map((t) => `${t.text} (${t.kind})`).join(", ");
}
