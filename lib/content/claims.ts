import type { Locale } from "@/lib/i18n/locales";

/**
 * Marketing claims that health content must not make. Each rule says why, and when a match is acceptable:
 * a blind word list would also ban "there is no cure" or a warning that quotes a red flag.
 * Grounds: FTC Act and the Opioid Addiction Recovery Fraud Prevention Act (15 U.S.C. 45d); the FTC's
 * Monument case ("100% confidential", "HIPAA compliant"); NAATP ethics on outcome claims.
 */
export interface ClaimRule {
  id: string;
  pattern: RegExp;
  why: string;
  /** The match is fine when the sentence also matches this (negation, or the claim quoted as a warning). */
  unlessSentence?: RegExp;
}

const NEGATED =
  /\b(no|not|nothing|none|never|cannot|can't|can’t|won't|won’t|isn't|isn’t|doesn't|doesn’t|don't|don’t|nobody|without|be wary|beware|red flag)\b/i;
/** The phrase stands inside quotation marks: it is being quoted, e.g. as a red flag to watch for. */
const quoted = (phrase: string) => new RegExp(`["“][^"”]*${phrase}[^"”]*["”]`, "i");

export const claimRules: ClaimRule[] = [
  {
    id: "cure",
    pattern: /\bcur(e|es|ed|ing)\b/i,
    why: "Addiction is a chronic, treatable condition; promising a cure is a deceptive health claim.",
    unlessSentence: NEGATED,
  },
  {
    id: "guarantee",
    pattern: /\bguarantee(d|s)?\b/i,
    why: "No treatment can guarantee recovery or results.",
    unlessSentence: NEGATED,
  },
  {
    id: "hundred-percent",
    // No \b after "%": it is not a word character, so "100% success" has no word boundary there.
    pattern: /\b100\s?(%|percent\b)/i,
    why: '"100%" success, safety or confidentiality cannot be true of any treatment or website.',
    unlessSentence: quoted("100\\s?(%|percent)"),
  },
  {
    id: "hipaa-compliant",
    pattern: /\bHIPAA[- ]compliant\b/i,
    why: "A compliance claim the site cannot verify (the FTC charged Monument over exactly this).",
    unlessSentence: quoted("HIPAA[- ]compliant"),
  },
  {
    id: "total-confidentiality",
    pattern: /\b(completely|totally|fully|absolutely)\s+(confidential|private|anonymous)\b/i,
    why: "Absolute confidentiality promises overstate what any provider can assure.",
    unlessSentence: quoted("(completely|totally|fully|absolutely)\\s+(confidential|private|anonymous)"),
  },
  {
    id: "success-rate",
    pattern: /\b(success|recovery|cure)\s+rates?\s+(of|is|was|are)\s+\d/i,
    why: "There is no standard IOP success rate; a bare figure misleads.",
  },
  {
    id: "superlative",
    pattern: /\b(best|top|#1|number one|leading|world-class)\s+(rehab|treatment|program|center|centre|clinic)s?\b/i,
    why: "Unverifiable superlatives are marketing, not information.",
    unlessSentence: quoted("(best|top|#1|number one|leading|world-class)"),
  },
  {
    id: "miracle",
    pattern: /\b(miracle|breakthrough|revolutionary|relapse-proof|never relapse)\b/i,
    why: "Hype words promise what no treatment delivers.",
    unlessSentence: quoted("(miracle|breakthrough|revolutionary|relapse-proof|never relapse)"),
  },
  {
    id: "most-effective",
    pattern: /\bmost\s+effective\b/i,
    why: 'A ranking ("the most effective treatment") needs the research behind it, cited in the same sentence; a source whose title ranks a treatment is advocacy, not evidence.',
    unlessSentence: /<Cite\s/,
  },
  {
    id: "clinically-proven",
    pattern: /\b(clinically|scientifically)\s+proven\b/i,
    why: "Say what the research found, with a citation, instead.",
    unlessSentence: /<Cite\s/,
  },
];

/**
 * Spanish words as whole words: \b knows only ASCII letters, so "está" or "garantía" would end at their accent. Each
 * pattern is wrapped in Unicode letter look-arounds and matched case-insensitively.
 */
const es = (pattern: string) => new RegExp(`(?<!\\p{L})(?:${pattern})(?!\\p{L})`, "iu");
/** A negation or a warning in the same Spanish sentence: "no hay cura", "desconfíe de quien le garantice…". */
const NEGATED_ES = es(
  "no|nunca|jamás|ningún|ninguna|ninguno|nada|nadie|sin|tampoco|ni|desconfíe|desconfiar|cuidado con|señal de alerta|señales de alerta|promete|prometen|prometa",
);
/** The phrase stands inside quotation marks (“…”, «…», "…"): it is quoted, e.g. as a red flag to watch for. */
const quotedEs = (phrase: string) => new RegExp(`["“«][^"”»]*${phrase}[^"”»]*["”»]`, "iu");

/**
 * The same claims in Spanish (content/es/WRITING.md §7: nunca garantizado, cura, 100% confidencial, cumple con HIPAA,
 * el mejor programa, el programa líder, tasas de éxito), with the same reasons and the same kinds of exception.
 */
const spanishClaimRules: ClaimRule[] = [
  { id: "cure", pattern: es("cur(?:a|as|an|ar|ará|arán|e|en|ación|ado|ada|ados|adas|amos)"), why: claimRules[0].why, unlessSentence: NEGATED_ES },
  {
    id: "guarantee",
    pattern: es("garantiz(?:a|an|amos|ado|ada|ados|adas|ar|o|ará|e|en)|garantía|garantías"),
    why: claimRules[1].why,
    unlessSentence: NEGATED_ES,
  },
  {
    id: "hundred-percent",
    pattern: /\b100\s?(%|por\s?ciento)|cien por ciento/iu,
    why: claimRules[2].why,
    unlessSentence: quotedEs("(100\\s?(%|por\\s?ciento)|cien por ciento)"),
  },
  {
    id: "hipaa-compliant",
    pattern: es("cumple(?:n)? (?:con )?(?:la )?(?:ley )?HIPAA|(?:conforme|de acuerdo) (?:a|con) (?:la )?HIPAA|en cumplimiento (?:con|de) (?:la )?HIPAA"),
    why: claimRules[3].why,
    unlessSentence: quotedEs("HIPAA"),
  },
  {
    id: "total-confidentiality",
    pattern: es("(?:completa|total|absoluta)mente (?:confidencial(?:es)?|privad[oa]s?|anónim[oa]s?)|confidencialidad (?:total|absoluta|completa)"),
    why: claimRules[4].why,
    unlessSentence: quotedEs("(completa|total|absoluta)"),
  },
  { id: "success-rate", pattern: es("tasas? de (?:éxito|recuperación|curación) (?:es|fue|son|de|del) \\d"), why: claimRules[5].why },
  {
    id: "superlative",
    pattern: es(
      "(?:el|la|los|las) (?:mejor|mejores) (?:programa|centro|tratamiento|clínica|rehabilitación)(?:s|es)?|(?:programa|centro|tratamiento|clínica)s? (?:líder|líderes|de primer nivel|de clase mundial|número uno)|número uno en",
    ),
    why: claimRules[6].why,
    unlessSentence: quotedEs("(mejor|líder|primer nivel|clase mundial|número uno)"),
  },
  {
    id: "miracle",
    pattern: es("milagro|milagros|milagros[oa]s?|revolucionari[oa]s?|a prueba de recaídas"),
    why: claimRules[7].why,
    unlessSentence: quotedEs("(milagro|revolucionari|a prueba de recaídas)"),
  },
  { id: "most-effective", pattern: es("más (?:eficaz|eficaces|efectiv[oa]s?)"), why: claimRules[8].why, unlessSentence: /<Cite\s/ },
  {
    id: "clinically-proven",
    pattern: es("(?:clínica|científica)mente (?:probad|comprobad|demostrad)[oa]s?"),
    why: claimRules[9].why,
    unlessSentence: /<Cite\s/,
  },
];

const rulesByLocale: Record<Locale, readonly ClaimRule[]> = { en: claimRules, es: spanishClaimRules };

/** The rules a sentence breaks in its language: those whose pattern matches and whose exception does not. */
export function brokenClaimRules(sentence: string, locale: Locale = "en"): ClaimRule[] {
  return rulesByLocale[locale].filter((rule) => rule.pattern.test(sentence) && !(rule.unlessSentence?.test(sentence) ?? false));
}
