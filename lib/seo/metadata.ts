import type { Metadata } from "next";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { pageAlternates } from "@/lib/site/routes";

/**
 * A page's metadata: title, description, its canonical URL in its own locale, and the same page in every locale that
 * has it as hreflang alternates, plus x-default (the English page). `path` is the site path without the locale prefix;
 * `canonicalPath` a different page to name as canonical (the thank-you page names its form).
 */
export function pageMetadata(input: { locale: Locale; path: string; canonicalPath?: string } & Metadata): Metadata {
  const { locale, path, canonicalPath, ...rest } = input;
  const target = canonicalPath ?? path;
  return {
    ...rest,
    alternates: { canonical: localePath(locale, target), languages: pageAlternates(target) },
  };
}
