/**
 * Locales the site serves. English lives at the root ("/articles/…"); a later locale lives under its own prefix
 * ("/es/articles/…"), so adding one never moves an English URL. Content for a locale sits in content/<locale>/.
 */
export const locales = ["en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** The URL path of a site path in a locale: the default locale has no prefix. */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith("/") ? path : `/${path}`;
  return locale === defaultLocale ? clean : `/${locale}${clean === "/" ? "" : clean}`;
}
