import type { Locale } from "./locales";

const tags: Record<Locale, string> = { en: "en-US" };

/** "2026-11-27" → "November 27, 2026", computed in UTC so build machines in any zone agree. */
export function formatDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** "a, b and c" (or "a, b or c") in the locale's own way of joining a list. */
export function formatList(items: readonly string[], locale: Locale, type: "conjunction" | "disjunction" = "conjunction"): string {
  return new Intl.ListFormat(tags[locale], { style: "long", type }).format(items);
}
