import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { SiteHeader } from "./SiteHeader";
import { SiteFooter } from "./SiteFooter";

/** The <body> element's classes: the same on prerendered pages (the root layouts) and pages rendered at request time. */
export const BODY_CLASS = "flex min-h-screen flex-col";

/**
 * Everything inside <body> around a page's own content: skip link, header with the crisis strip and the language
 * switch, footer with the crisis block. Each page renders it (a root layout cannot know which page it holds, and the
 * language switch links to the same page in the other language); `path` is the page's site path without the locale
 * prefix ("/articles/what-is-iop"), or null for a page that has none (the not-found page).
 */
export function SiteFrame({ locale, path, children }: { locale: Locale; path: string | null; children: ReactNode }) {
  const t = strings(locale);
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-slate-900 focus:shadow"
      >
        {t.skipToContent}
      </a>
      <SiteHeader locale={locale} path={path} />
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}

/** The whole <body> for a page rendered at request time (server/render-page.tsx). */
export function SiteBody({ locale, path, children }: { locale: Locale; path: string | null; children: ReactNode }) {
  return (
    <body className={BODY_CLASS}>
      <SiteFrame locale={locale} path={path}>
        {children}
      </SiteFrame>
    </body>
  );
}
