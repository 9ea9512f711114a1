import type { Widen } from "@/lib/i18n/dictionary";
import type { Locale } from "@/lib/i18n/locales";
import type { selfCheckFormText } from "@/lib/i18n/self-check-form.en";

/** The scored instruments the site knows (decision 0006). */
export type InstrumentId = "usaudit";

/**
 * A published questionnaire as data: its wording in one language, exactly as the publisher prints it, and the
 * points each answer scores. Pages render it and the scoring reads only the points; nothing here is our own wording.
 */
interface InstrumentChoice {
  /** The points this answer scores, as published. */
  points: number;
  label: string;
}

export interface InstrumentItem {
  /** Form field name, stable across languages: q1 … q10. */
  id: string;
  question: string;
  choices: readonly InstrumentChoice[];
}

export interface InstrumentText {
  id: InstrumentId;
  /**
   * The language the PUBLISHER printed this wording in. A version is only ever the publisher's own: a page in a
   * language shows an instrument only when this equals the page's locale (the parity test checks it), never our
   * translation.
   */
  language: Locale;
  /** The publisher's instructions printed with the form, verbatim (only sentences that apply on a web page). */
  instructions: readonly string[];
  items: readonly InstrumentItem[];
  /** How the page credits the source: title, publisher and the page or document it comes from. */
  source: { title: string; publisher: string; url: string };
}

/** The words around a scored check in one language: labels, errors, results (lib/i18n/self-check-form.en.ts). */
type CheckWords = Widen<typeof selfCheckFormText>;

/** What a page in one language needs to offer a scored check: the publisher's wording and our words around it. */
export interface ScoredCheck {
  instrument: InstrumentText;
  words: CheckWords;
}
