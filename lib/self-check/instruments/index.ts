import { center } from "@/content/center";
import type { Locale } from "@/lib/i18n/locales";
import type { InstrumentText } from "./types";
import { usauditEn } from "./usaudit.en";

/**
 * The USAUDIT's wording per language. A language missing here has no publisher's version (no Spanish USAUDIT
 * exists), and its page offers no scored check: never our own translation of a validated instrument.
 */
const usauditByLocale: Partial<Record<Locale, InstrumentText>> = { en: usauditEn };

/**
 * The scored check a page in this locale may show: the USAUDIT, only once the center's config confirms its licence
 * for a public page (`preview` shows it on this machine before that; see lib/env.ts SELF_CHECK_PREVIEW).
 */
export function offeredUsaudit(locale: Locale, { preview = false }: { preview?: boolean } = {}): InstrumentText | undefined {
  if (!center.selfCheck.usauditLicenseConfirmed && !preview) return undefined;
  return usauditByLocale[locale];
}
