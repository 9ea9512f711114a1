import type { Center } from "@/lib/center/schema";
import * as format from "@/lib/center/format";
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

/** Exports of lib/center/format.ts that build no text from the config themselves (asSentence only punctuates a config value, read as a value). */
export const notSentenceBuilders = ["asSentence"] as const;

type Builder = Exclude<keyof typeof format, (typeof notSentenceBuilders)[number]>;

/**
 * Every sentence builder of lib/center/format.ts, called every way the site calls it, as [where, text] pairs. The
 * type names every export of the module, so a new builder the claims gate does not read fails the type check.
 */
const builderTexts: { [K in Builder]: (center: Center, locale: Locale) => [where: string, text: string][] } = {
  formatHours: (c, l) =>
    c.hours.flatMap((h, i): [string, string][] => [
      [`formatHours(hours.${i})`, format.formatHours(h, l)],
      [`formatHours(hours.${i}, "compact")`, format.formatHours(h, l, "compact")],
    ]),
  trackSchedule: (c, l) => c.tracks.map((t, i) => [`trackSchedule(tracks.${i})`, format.trackSchedule(t, l)]),
  trackSummary: (c, l) => c.tracks.map((t, i) => [`trackSummary(tracks.${i})`, format.trackSummary(t, l)]),
  medicationSentences: (c, l) => format.medicationSentences(c, l).map((s, i) => [`medicationSentences[${i}]`, s]),
  afterHoursSentences: (c, l) => format.afterHoursSentences(c, l).map((s, i) => [`afterHoursSentences[${i}]`, s]),
  afterHoursLine: (c, l) => [["afterHoursLine", format.afterHoursLine(c, l)]],
  virtualSentence: (c, l) => [["virtualSentence", format.virtualSentence(c, l)]],
  drugTestingSentences: (c, l) => format.drugTestingSentences(c, l).map((s, i) => [`drugTestingSentences[${i}]`, s]),
  responseTimePhrase: (c, l) => [["responseTimePhrase", format.responseTimePhrase(c, l)]],
  coverageAccepted: (c, l) => format.coverageAccepted(c, l).map((s, i) => [`coverageAccepted[${i}]`, s]),
  coverageSentence: (c, l) => [["coverageSentence", format.coverageSentence(c, l)]],
  selfPaySentences: (c, l) => format.selfPaySentences(c, l).map((s, i) => [`selfPaySentences[${i}]`, s]),
  slidingScaleSentence: (c, l) => [["slidingScaleSentence", format.slidingScaleSentence(c, l)]],
  benefitsCheckSentence: (c, l) => [["benefitsCheckSentence", format.benefitsCheckSentence(c, l)]],
  paymentRows: (c, l) => format.paymentRows(c, l).flatMap((row, i) => row.sentences.map((s, j): [string, string] => [`paymentRows[${i}].sentences[${j}]`, s])),
  costSummarySentences: (c, l) => format.costSummarySentences(c, l).map((s, i) => [`costSummarySentences[${i}]`, s]),
  referralHours: (c, l) => format.referralHours(c, l).map((s, i) => [`referralHours[${i}]`, s]),
  assessmentTimeSentence: (c, l) => [["assessmentTimeSentence", format.assessmentTimeSentence(c, l)]],
  languageHelpSentences: (c, l) => format.languageHelpSentences(c, l).map((s, i) => [`languageHelpSentences[${i}]`, s]),
  admissionsHours: (c, l) => format.admissionsHours(c, l).map((s, i) => [`admissionsHours[${i}]`, s]),
  admissionsHoursLine: (c, l) => [["admissionsHoursLine", format.admissionsHoursLine(c, l)]],
  staffLanguagesSentences: (c, l) => format.staffLanguagesSentences(c, l).map((s, i) => [`staffLanguagesSentences[${i}]`, s]),
  accessibleContact: (c, l) => format.accessibleContact(c, l).map((s, i) => [`accessibleContact[${i}]`, s.text]),
  accessibleContactSentences: (c, l) => format.accessibleContactSentences(c, l).map((s, i) => [`accessibleContactSentences[${i}]`, s]),
  servesSentences: (c, l) => format.servesSentences(c, l).map((s, i) => [`servesSentences[${i}]`, s]),
  clinicalLeadershipText: (c, l) => [["clinicalLeadershipText", format.clinicalLeadershipText(c, l)]],
  languageOptionLabels: (c, l) => Object.entries(format.languageOptionLabels(c, l)).map(([k, s]) => [`languageOptionLabels.${k}`, s]),
};

/** Every string value of the parsed center config, and every sentence lib/center/format.ts builds from it. */
export function centerTexts(center: Center, locale: Locale): SourcedText[] {
  const values: SourcedText[] = [...stringsIn(center, "")].map(({ path, text }) => ({ file: CENTER_FILE, where: path, text }));
  const built = Object.values(builderTexts).flatMap((build) =>
    build(center, locale).map(([where, text]) => ({ file: CENTER_FILE, where: `${where}, built by lib/center/format.ts`, text })),
  );
  return [...values, ...built];
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
