import { center } from "@/content/center";
import type { Locale } from "@/lib/i18n/locales";
import { selfCheckFormText } from "@/lib/i18n/self-check-form.en";
import type { InstrumentId, ScoredCheck } from "./types";
import { usauditEn } from "./usaudit.en";

/**
 * Each instrument's versions per language: only the publisher's own (InstrumentText.language). A language missing
 * here has none, and its page offers no scored check; lib/self-check/exceptions.ts declares why, and the parity test
 * (tests/unit/parity.test.ts) fails on a gap that is not declared or on a version that is not the publisher's.
 */
export const instrumentVersions: Record<InstrumentId, Partial<Record<Locale, ScoredCheck>>> = {
  usaudit: { en: { instrument: usauditEn, words: selfCheckFormText } },
};

/**
 * The scored check a page in this locale may show: the USAUDIT, only once the center's config confirms its license
 * for a public page (`preview` shows it on this machine before that; see lib/env.ts SELF_CHECK_PREVIEW), and only in
 * a language its publisher printed it in.
 */
export function offeredCheck(locale: Locale, { preview = false }: { preview?: boolean } = {}): ScoredCheck | undefined {
  if (!center.selfCheck.usauditLicenseConfirmed && !preview) return undefined;
  return instrumentVersions.usaudit[locale];
}

/** Why a page in this locale has no scored check, or undefined when it has one (the page's words per reason). */
export function missingCheckReason(locale: Locale, opts: { preview?: boolean } = {}): "licensePending" | "noPublisherVersion" | undefined {
  if (offeredCheck(locale, opts)) return undefined;
  return instrumentVersions.usaudit[locale] ? "licensePending" : "noPublisherVersion";
}
