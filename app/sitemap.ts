import type { MetadataRoute } from "next";
import { loadArticles } from "@/lib/content/load";
import { localePath, locales } from "@/lib/i18n/locales";
import { absoluteUrl } from "@/lib/seo/structured-data";
import { pageAlternates } from "@/lib/site/page-index";
import { staticPages } from "@/lib/site/routes";

/** Every locale's version of a page, absolute, as the sitemap's hreflang links (x-default: the English page). */
function languages(path: string): Record<string, string> {
  return Object.fromEntries(Object.entries(pageAlternates(path)).map(([l, p]) => [l, absoluteUrl(p)]));
}

/** Every page in every locale, each listing the same page in the other locales (hreflang, both ways, and x-default). */
export default function sitemap(): MetadataRoute.Sitemap {
  return locales.flatMap((locale) => {
    const articles = loadArticles(locale);
    const newest = articles
      .map((a) => a.updated)
      .sort()
      .at(-1);
    return [
      ...staticPages
        .filter((p) => p.inSitemap)
        .map((p) => ({
          url: absoluteUrl(localePath(locale, p.path)),
          lastModified: newest,
          priority: p.priority,
          alternates: { languages: languages(p.path) },
        })),
      ...articles.map((a) => {
        const path = `/articles/${a.slug}`;
        return { url: absoluteUrl(localePath(locale, path)), lastModified: a.updated, priority: 0.7, alternates: { languages: languages(path) } };
      }),
    ];
  });
}
