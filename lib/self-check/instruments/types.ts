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
  /** The publisher's instructions printed with the form, verbatim (only sentences that apply on a web page). */
  instructions: readonly string[];
  items: readonly InstrumentItem[];
  /** How the page credits the source: title, publisher and the page or document it comes from. */
  source: { title: string; publisher: string; url: string };
}
