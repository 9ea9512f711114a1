import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { center } from "@/content/center";
import { defaultLocale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { SiteFooter } from "@/components/layout/SiteFooter";

export const metadata: Metadata = {
  metadataBase: new URL(center.siteUrl),
  title: { default: strings(defaultLocale).site.title(center.name), template: strings(defaultLocale).site.titleTemplate(center.name) },
  description: strings(defaultLocale).site.description(center.name),
  openGraph: { siteName: center.name, type: "website", locale: "en_US" },
  formatDetection: { telephone: false },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const locale = defaultLocale;
  const t = strings(locale);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-slate-900 focus:shadow"
        >
          {t.skipToContent}
        </a>
        <SiteHeader locale={locale} />
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
        <SiteFooter locale={locale} />
      </body>
    </html>
  );
}
