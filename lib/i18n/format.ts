import type { Locale } from "./locales";

/**
 * The Intl locale of each site locale: US English, and the Spanish of the United States (es-US), which writes
 * numbers and money as US readers expect ("1,250", "$1,250") and dates in Spanish ("27 de noviembre de 2026").
 */
const tags: Record<Locale, string> = { en: "en-US", es: "es-US" };

/** "2026-11-27" → "November 27, 2026" (es: "27 de noviembre de 2026"), computed in UTC so build machines in any zone agree. */
export function formatDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(tags[locale], { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** "a, b and c" (or "a, b or c") in the locale's own way of joining a list ("a, b y c"; "a, b o c"). */
export function formatList(items: readonly string[], locale: Locale, type: "conjunction" | "disjunction" = "conjunction"): string {
  return new Intl.ListFormat(tags[locale], { style: "long", type }).format(items);
}

/** Whole US dollars as the locale writes money: 1250 → "$1,250". */
export function formatUsd(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(tags[locale], { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(amount);
}

/** A language tag's name in a locale's words: ("es", "es") → "español"; ("es", "en") → "Spanish". */
export function formatLanguage(tag: string, locale: Locale): string {
  return new Intl.DisplayNames(tags[locale], { type: "language" }).of(tag) ?? tag;
}

/** An IANA time zone in words, without the season: "America/Chicago" → "Central Time" (es: "hora central"). */
export function formatTimeZone(timeZone: string, locale: Locale): string {
  const parts = new Intl.DateTimeFormat(tags[locale], { timeZone, timeZoneName: "longGeneric" }).formatToParts(new Date(Date.UTC(2026, 0, 15)));
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}
