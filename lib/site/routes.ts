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

/** The trust pages: prose in content/en/pages/<slug>.mdx, titles here for routes, metadata and the footer. */
export const trustPages = {
  about: {
    path: "/about",
    title: "About us and how we write",
    description: "Who runs this center, its licences and accreditation, and how our articles are sourced, reviewed and corrected.",
    updated: "2026-11-27",
  },
  privacy: {
    path: "/privacy",
    title: "Privacy notice",
    description: "What this website collects (no trackers, no cookies), what the contact form stores, who sees it and how long we keep it.",
    updated: "2026-11-27",
  },
  nondiscrimination: {
    path: "/nondiscrimination",
    title: "Nondiscrimination and language assistance",
    description: "Free interpreters and help for people with disabilities, our nondiscrimination notice, and the accessibility of this site.",
    updated: "2026-11-27",
  },
} as const;

export const articlePath = (locale: Locale, slug: string) => localePath(locale, `/articles/${slug}`);

/** Every route a link inside the site may point at. */
export function knownRoutes(locale: Locale): Set<string> {
  return new Set([...staticPages.map((p) => localePath(locale, p.path)), ...loadArticles(locale).map((a) => articlePath(locale, a.slug))]);
}
