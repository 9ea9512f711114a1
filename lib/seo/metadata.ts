import type { Metadata } from "next";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { pageAlternates } from "@/lib/site/page-index";
import { absoluteUrl } from "./structured-data";

/**
 * A page's metadata: title, description, its canonical URL in its own locale, and the same page in every locale that
 * has it as hreflang alternates, plus x-default (the English page). `path` is the site path without the locale prefix;
 * `canonicalPath` a different page to name as canonical (the thank-you page names its form).
 */
export function pageMetadata(input: { locale: Locale; path: string; canonicalPath?: string } & Metadata): Metadata {
  const { locale, path, canonicalPath, ...rest } = input;
  const target = canonicalPath ?? path;
  // Absolute URLs, written as the sitemap writes them (Next would drop the home page's trailing slash from a path).
  const languages = Object.fromEntries(Object.entries(pageAlternates(target)).map(([l, p]) => [l, absoluteUrl(p)]));
  return { ...rest, alternates: { canonical: absoluteUrl(localePath(locale, target)), languages } };
}
