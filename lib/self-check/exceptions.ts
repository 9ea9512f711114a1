import { locales, type Locale } from "@/lib/i18n/locales";
import type { InstrumentId, ScoredCheck } from "./instruments/types";

/**
 * Declared exceptions to "every page in every language": an instrument one language's page shows
 * and another's does not, because its publisher has no version in that language. Never our own translation of a
 * validated instrument instead. The parity test (tests/unit/parity.test.ts) reads this list: a gap not listed here
 * fails, and so does an exception that a publisher's version has made stale.
 */
export interface DeclaredException {
  instrument: InstrumentId;
  /** The language whose page shows no version of the instrument. */
  locale: Locale;
  /** Why, in a sentence a reviewer can check. */
  reason: string;
  /** When and where we last looked for a publisher's version. */
  checked: string;
}

export const declaredExceptions: readonly DeclaredException[] = [
  {
    instrument: "usaudit",
    locale: "es",
    reason:
      "No Spanish USAUDIT from its authors or from SAMHSA was found; the Spanish AUDIT forms that circulate are the WHO AUDIT or unattributed adaptations, not the USAUDIT. The Spanish page says there is no Spanish check and gives plain next steps. (NIAAA's Rethinking Drinking checks are linked, not reproduced, in either language: their wording could not be verified on a stored NIAAA page.)",
    checked: "2026-11-30: shared/research/screening-facts.md §4 (Spanish versions), decision 0006",
  },
];

export interface ParityProblem {
  what: string;
  message: string;
}

/**
 * Problems with the instruments' versions per language against the declared exceptions: a version that is not the
 * publisher's own in that language, a language without a version and without a declared exception (with a reason),
 * or an exception that names a language that now has a version.
 */
export function selfCheckParity(
  versions: Record<InstrumentId, Partial<Record<Locale, ScoredCheck>>>,
  exceptions: readonly DeclaredException[] = declaredExceptions,
): ParityProblem[] {
  const problems: ParityProblem[] = [];
  for (const [id, byLocale] of Object.entries(versions) as [InstrumentId, Partial<Record<Locale, ScoredCheck>>][]) {
    const offered = locales.filter((l) => byLocale[l]);
    if (offered.length === 0) continue;
    for (const locale of locales) {
      const what = `self-check ${id} (${locale})`;
      const version = byLocale[locale];
      const declared = exceptions.filter((e) => e.instrument === id && e.locale === locale);
      if (declared.length > 1) problems.push({ what, message: "declared more than once" });
      if (version) {
        if (version.instrument.id !== id) problems.push({ what, message: `holds the wording of ${version.instrument.id}` });
        if (version.instrument.language !== locale)
          problems.push({ what, message: `is not the publisher's ${locale} version (its wording was printed in ${version.instrument.language})` });
        if (declared.length > 0) problems.push({ what, message: "has a version, so its declared exception is stale" });
      } else if (declared.length === 0) {
        problems.push({ what, message: `exists in ${offered.join(", ")} but not in ${locale}, and no exception is declared` });
      } else if (declared.some((e) => e.reason.trim().length < 20 || e.checked.trim() === "")) {
        problems.push({ what, message: "its declared exception gives no reason or no date" });
      }
    }
  }
  for (const e of exceptions)
    if (!(e.instrument in versions)) problems.push({ what: `self-check ${e.instrument} (${e.locale})`, message: "declared for an unknown instrument" });
  return problems;
}
