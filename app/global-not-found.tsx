import { rootViewport } from "@/components/layout/RootLayout";
import { BODY_CLASS, SiteFrame } from "@/components/layout/SiteBody";
import { Stylesheet } from "@/components/layout/Stylesheet";
import { NotFoundBody, notFoundMetadata } from "@/components/pages/NotFoundPage";
import { defaultLocale } from "@/lib/i18n/locales";

/**
 * The 404 page for every URL no page answers, in every locale (docs/decisions/0003-locales.md): with one root layout
 * per locale there is no single layout to hold a root not-found page, so Next's global-not-found.js (enabled in
 * next.config.ts) renders this whole document. It says the same in English and in Spanish, each part marked with
 * its language, inside the default locale's frame.
 */
export const metadata = notFoundMetadata();
export const viewport = rootViewport;

export default function GlobalNotFound() {
  return (
    <html lang={defaultLocale}>
      <head>
        <Stylesheet />
      </head>
      <body className={BODY_CLASS}>
        <SiteFrame locale={defaultLocale} path={null}>
          <NotFoundBody />
        </SiteFrame>
      </body>
    </html>
  );
}
