import type { Locale } from "./locales";

const tags: Record<Locale, string> = { en: "en-US" };

/** "2026-11-27" → "November 27, 2026", computed in UTC so build machines in any zone agree. */
export function formatDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}
