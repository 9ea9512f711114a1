/**
 * Does a referral message seem to carry a patient identifier? The form is not a channel for records: a
 * professional's message with a date of birth, a medical record number or a Social Security number is refused,
 * and the person is told where records go instead. The schema uses this rule (lib/inquiries/schema.ts), so the
 * browser and the server refuse the same messages; tests/unit/patient-identifiers.test.ts is its corpus.
 *
 * The rule looks for a label followed by a value, not for dates or numbers alone, so "3/15 after 5 pm", phone
 * numbers, ZIP codes and "ages 18–25" pass. A birth year alone ("born in 1990") passes too; a month and day do not.
 * Only a Social Security number is caught without its label: nothing else is written 123-45-6789.
 * Every repetition is bounded or anchored to a label, so the time taken grows linearly with the text.
 */

/** Between a label and its value: a little punctuation, and a joining word ("DOB is", "born on"). */
const GAP = String.raw`[\s:#.,=()-]{0,5}(?:(?:is|was|on|of)[\s:]{1,3})?`;
/** Slash, hyphen, dot, or a typographic hyphen or dash (U+2010 to U+2013). */
const SEP = String.raw`[/.\-\u2010-\u2013]`;
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
/** A date with a day in it: 1/2/1990, 01-02-90, 1/2, 1990-01-02, May 3, 3 May. A year alone is not one. */
const DAY_DATE = String.raw`(?:\d{1,2}${SEP}\d{1,2}(?!\d)|\d{4}${SEP}\d{1,2}${SEP}\d{1,2}|${MONTH}\s{1,3}\d{1,2}(?!\d)|\d{1,2}(?:st|nd|rd|th)?\s{1,3}(?:of\s{1,3})?${MONTH})`;

const DATE_OF_BIRTH = String.raw`(?:\bd\.?\s?o\.?\s?b(?![a-z])\.?|\bdate\s+of\s+birth|\bbirth\s?date|\bbirthday|\bborn)`;
const RECORD_NUMBER = String.raw`(?:\bmrn|\b(?:medical\s+)?records?\s*(?:number|no\.?|#)|\bmedical\s+record|\bmed\.?\s*rec\b\.?|\bchart\s*(?:number|no\.?|#)|\bpatient\s*(?:id|number|no\.?|#))`;
const SOCIAL_SECURITY = String.raw`(?:\bssn|\bsocial\s+security(?:\s+(?:number|no\.?|#))?)`;

const PATTERNS = [
  new RegExp(`${DATE_OF_BIRTH}${GAP}${DAY_DATE}`, "i"),
  // A record number: at least four digits, perhaps after a letter prefix and with hyphens ("MRN A-447-1234").
  new RegExp(String.raw`${RECORD_NUMBER}${GAP}[a-z]{0,3}-?\d[\d-]{2,}\d`, "i"),
  new RegExp(String.raw`${SOCIAL_SECURITY}${GAP}\d{3}[\s-]?\d{2}[\s-]?\d{4}(?!\d)`, "i"),
  // Not part of a longer run of digits and hyphens (no lookbehind: Safari before 16.4 cannot parse one).
  new RegExp(String.raw`(?:^|[^\d-])\d{3}-\d{2}-\d{4}(?![\d-])`),
];

/** True when the text seems to carry a patient's date of birth, record number or Social Security number. */
export function looksLikePatientIdentifier(text: string): boolean {
  return PATTERNS.some((p) => p.test(text));
}
