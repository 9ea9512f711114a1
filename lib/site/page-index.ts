import { loadArticles } from "@/lib/content/load";
import { defaultLocale, localePath, locales, type Locale } from "@/lib/i18n/locales";
import { articlePath, staticPages } from "./routes";

/*
 * Which pages exist in each locale: the static pages (./routes.ts) and the articles on disk (lib/content/load.ts, server
 * code). Kept apart from ./routes.ts, which holds paths only and so loads anywhere: a browser test reads the navigation
 * through it.
 */

/** Every route a link inside the site may point at. */
export function knownRoutes(locale: Locale): Set<string> {
  return new Set([...staticPages.map((p) => localePath(locale, p.path)), ...loadArticles(locale).map((a) => articlePath(locale, a.slug))]);
}

/** Whether a site path (locale-free, e.g. "/articles/what-is-iop") has a page in a locale. */
export function hasPage(locale: Locale, path: string): boolean {
  return knownRoutes(locale).has(localePath(locale, path));
}

/**
 * The same page in every locale that has it, for the language switch, hreflang links and the sitemap: locale → URL
 * path, plus "x-default" (the default locale's page, for readers whose language the site does not serve).
 */
export function pageAlternates(path: string): Partial<Record<Locale | "x-default", string>> {
  const out: Partial<Record<Locale | "x-default", string>> = {};
  for (const l of locales) if (hasPage(l, path)) out[l] = localePath(l, path);
  if (out[defaultLocale]) out["x-default"] = out[defaultLocale];
  return out;
}
