import type { Center } from "@/lib/center/schema";
import {
  afterHoursSentences,
  assessmentTimeSentence,
  benefitsCheckSentence,
  costSummarySentences,
  coverageSentence,
  drugTestingSentences,
  formatHours,
  languageHelpSentences,
  medicationSentences,
  paymentRows,
  referralHours,
  selfPaySentences,
  slidingScaleSentence,
  trackSchedule,
  trackSummary,
  virtualSentence,
} from "@/lib/center/format";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The text the site shows that no article contains: every value of the center config, every sentence the site
 * builds from it, and every string of a dictionary. The claims gate reads these too, each named by where it came
 * from, so a promise cannot slip in through the config or the interface words.
 */
export interface SourcedText {
  /** The file a person edits to change the text. */
  file: string;
  /** Where in it: a key path ("medications.partners.0.name") or the sentence builder ("trackSummary(tracks.1)"). */
  where: string;
  text: string;
  /** A dictionary function no sample arguments could call: its words could not be read. */
  unreadable?: true;
}

/** Every string in a value, with its key path ("a.b.0.c"); functions are left to the caller. */
function* stringsIn(value: unknown, path: string): Generator<{ path: string; text: string }> {
  if (typeof value === "string") yield { path, text: value };
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* stringsIn(v, path ? `${path}.${i}` : String(i));
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) yield* stringsIn(v, path ? `${path}.${k}` : k);
}

const CENTER_FILE = "content/center.ts";

/** Every string value of the parsed center config, and every sentence lib/center/format.ts builds from it. */
export function centerTexts(center: Center, locale: Locale): SourcedText[] {
  const out: SourcedText[] = [...stringsIn(center, "")].map(({ path, text }) => ({ file: CENTER_FILE, where: path, text }));
  const built = (where: string, text: string) => out.push({ file: CENTER_FILE, where: `${where}, built by lib/center/format.ts`, text });
  center.hours.forEach((h, i) => built(`formatHours(hours.${i})`, formatHours(h, locale)));
  center.tracks.forEach((t, i) => {
    built(`trackSchedule(tracks.${i})`, trackSchedule(t, locale));
    built(`trackSummary(tracks.${i})`, trackSummary(t, locale));
  });
  medicationSentences(center, locale).forEach((s, i) => built(`medicationSentences[${i}]`, s));
  afterHoursSentences(center, locale).forEach((s, i) => built(`afterHoursSentences[${i}]`, s));
  built("virtualSentence", virtualSentence(center, locale));
  drugTestingSentences(center, locale).forEach((s, i) => built(`drugTestingSentences[${i}]`, s));
  built("coverageSentence", coverageSentence(center, locale));
  selfPaySentences(center, locale).forEach((s, i) => built(`selfPaySentences[${i}]`, s));
  built("slidingScaleSentence", slidingScaleSentence(center, locale));
  built("benefitsCheckSentence", benefitsCheckSentence(center, locale));
  paymentRows(center, locale).forEach((row, i) => row.sentences.forEach((s, j) => built(`paymentRows[${i}].sentences[${j}]`, s)));
  costSummarySentences(center, locale).forEach((s, i) => built(`costSummarySentences[${i}]`, s));
  referralHours(center, locale).forEach((s, i) => built(`referralHours[${i}]`, s));
  built("assessmentTimeSentence", assessmentTimeSentence(center, locale));
  languageHelpSentences(center, locale).forEach((s, i) => built(`languageHelpSentences[${i}]`, s));
  return out;
}

/**
 * Arguments a dictionary function is called with: a word, a list, a number (1 and 2, for plural branches) and
 * nothing (for optional parts). Each set that does not throw adds its result.
 */
const SAMPLE_ARGS: readonly unknown[] = ["Example", ["Example", "Other"], 1, 2, null];

/**
 * Every string of a dictionary with its key path; functions are called with each sample argument in every position,
 * and a function that no sample set can call is reported as a text of its own, so no entry goes unread silently.
 */
export function dictionaryTexts(dictionary: object, file: string): SourcedText[] {
  const out: SourcedText[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === "function") {
      const fn = value as (...args: unknown[]) => unknown;
      const seen = new Set<string>();
      for (const sample of SAMPLE_ARGS) {
        let result: unknown;
        try {
          result = fn(...Array.from({ length: Math.max(1, fn.length) }, () => sample));
        } catch {
          continue;
        }
        for (const s of stringsIn(result, "")) {
          if (seen.has(s.text)) continue;
          seen.add(s.text);
          out.push({ file, where: `${path}(${JSON.stringify(sample)})${s.path ? `.${s.path}` : ""}`, text: s.text });
        }
      }
      if (seen.size === 0) out.push({ file, where: `${path}(…)`, text: "", unreadable: true });
      return;
    }
    if (typeof value === "string") out.push({ file, where: path, text: value });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}.${i}`));
    else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(dictionary, "");
  return out;
}
