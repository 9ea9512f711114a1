import type { MetadataRoute } from "next";
import { loadArticles } from "@/lib/content/load";
import { absoluteUrl } from "@/lib/seo/structured-data";
import { articlePath, staticPages } from "@/lib/site/routes";

export default function sitemap(): MetadataRoute.Sitemap {
  const articles = loadArticles("en");
  const newest = articles
    .map((a) => a.updated)
    .sort()
    .at(-1);
  return [
    ...staticPages.filter((p) => p.inSitemap).map((p) => ({ url: absoluteUrl(p.path), lastModified: newest, priority: p.priority })),
    ...articles.map((a) => ({ url: absoluteUrl(articlePath("en", a.slug)), lastModified: a.updated, priority: 0.7 })),
  ];
}
