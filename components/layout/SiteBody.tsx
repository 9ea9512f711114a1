import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { SiteHeader } from "./SiteHeader";
import { SiteFooter } from "./SiteFooter";

/**
 * Everything inside <body> around a page's own content: skip link, header with the crisis strip, footer with
 * the crisis block. One component for the prerendered pages (app/layout.tsx) and for pages rendered at request
 * time (server/render-page.tsx), so both look and read the same. `current`, the page's path, marks its navigation link
 * on a page rendered outside Next (prerendered pages know their path).
 */
export function SiteBody({ locale, current, children }: { locale: Locale; current?: string; children: ReactNode }) {
  const t = strings(locale);
  return (
    <body className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-slate-900 focus:shadow"
      >
        {t.skipToContent}
      </a>
      <SiteHeader locale={locale} current={current} />
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>
      <SiteFooter locale={locale} />
    </body>
  );
}
