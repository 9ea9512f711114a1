/**
 * Locales the site serves. English lives at the root ("/articles/…"); every other locale lives under its own prefix
 * ("/es/articles/…"), so adding one never moves an English URL. Content for a locale sits in content/<locale>/, its
 * pages in the route group app/(<locale>)/ (docs/decisions/0003-locales.md).
 */
export const locales = ["en", "es"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** The URL path of a site path in a locale: the default locale has no prefix. */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith("/") ? path : `/${path}`;
  return locale === defaultLocale ? clean : `/${locale}${clean === "/" ? "" : clean}`;
}

/** The locale a URL path belongs to and the site path inside it: "/es/contact" → es, "/contact"; "/contact" → en, "/contact". */
export function splitLocalePath(pathname: string): { locale: Locale; path: string } {
  const first = pathname.split("/")[1];
  const locale = locales.find((l) => l !== defaultLocale && l === first);
  if (!locale) return { locale: defaultLocale, path: pathname || "/" };
  const rest = pathname.slice(locale.length + 1);
  return { locale, path: rest === "" ? "/" : rest };
}

/** The other locales than `locale`, in the order of `locales`. */
export const otherLocales = (locale: Locale): Locale[] => locales.filter((l) => l !== locale);
