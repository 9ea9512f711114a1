import { loadArticles } from "@/lib/content/load";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { THANKS_PATH } from "@/lib/inquiries/paths";

/** Pages that are not articles. `inSitemap: false` pages exist but are not for search engines. */
export const staticPages = [
  { path: "/", inSitemap: true, priority: 1 },
  { path: "/articles", inSitemap: true, priority: 0.8 },
  { path: "/contact", inSitemap: true, priority: 0.9 },
  { path: THANKS_PATH, inSitemap: false, priority: 0 },
  { path: "/about", inSitemap: true, priority: 0.5 },
  { path: "/privacy", inSitemap: true, priority: 0.4 },
  { path: "/nondiscrimination", inSitemap: true, priority: 0.4 },
] as const;

/**
 * The trust pages: prose in content/en/pages/<slug>.mdx, paths and dates here for routes, metadata and the footer;
 * titles and descriptions in the dictionary (`trustPages` in lib/i18n).
 */
export const trustPages = {
  about: { path: "/about", updated: "2026-11-27" },
  privacy: { path: "/privacy", updated: "2026-11-27" },
  nondiscrimination: { path: "/nondiscrimination", updated: "2026-11-27" },
} as const;

export type TrustPageKey = keyof typeof trustPages;

export const articlePath = (locale: Locale, slug: string) => localePath(locale, `/articles/${slug}`);

/** Every route a link inside the site may point at. */
export function knownRoutes(locale: Locale): Set<string> {
  return new Set([...staticPages.map((p) => localePath(locale, p.path)), ...loadArticles(locale).map((a) => articlePath(locale, a.slug))]);
}
