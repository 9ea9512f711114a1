import { loadArticles } from "@/lib/content/load";
import { localePath, type Locale } from "@/lib/i18n/locales";

/** Pages that are not articles. `inSitemap: false` pages exist but are not for search engines. */
export const staticPages = [
  { path: "/", inSitemap: true, priority: 1 },
  { path: "/articles", inSitemap: true, priority: 0.8 },
  { path: "/contact", inSitemap: true, priority: 0.9 },
  { path: "/contact/thanks", inSitemap: false, priority: 0 },
] as const;

export const articlePath = (locale: Locale, slug: string) => localePath(locale, `/articles/${slug}`);

/** Every route a link inside the site may point at. */
export function knownRoutes(locale: Locale): Set<string> {
  return new Set([
    ...staticPages.map((p) => localePath(locale, p.path)),
    ...loadArticles(locale).map((a) => articlePath(locale, a.slug)),
  ]);
}
