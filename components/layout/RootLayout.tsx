import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { center } from "@/content/center";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { Stylesheet } from "./Stylesheet";
import { BODY_CLASS } from "./SiteBody";

/** Open Graph's locale names (language_TERRITORY). */
const ogLocale: Record<Locale, string> = { en: "en_US", es: "es_US" };

/**
 * What every root layout shares (one per locale, in the route groups app/(en) and app/(es): docs/decisions/0003-locales.md).
 * The layout only sets the document's language and head; each page renders the body's frame (SiteFrame) itself, so
 * its header can link to the same page in the other language.
 */
export function rootMetadata(locale: Locale): Metadata {
  const t = strings(locale).site;
  return {
    metadataBase: new URL(center.siteUrl),
    title: { default: t.title(center.name), template: t.titleTemplate(center.name) },
    description: t.description(center.name),
    openGraph: { siteName: center.name, type: "website", locale: ogLocale[locale] },
    formatDetection: { telephone: false },
  };
}

export const rootViewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export function RootLayout({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <html lang={locale}>
      {/* A root layout of the App Router writes <head> itself; the rule's next/head is the pages router's (it does not flag app/). */}
      {/* eslint-disable-next-line @next/next/no-head-element */}
      <head>
        <Stylesheet />
      </head>
      <body className={BODY_CLASS}>{children}</body>
    </html>
  );
}
