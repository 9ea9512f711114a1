import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { center } from "@/content/center";
import { defaultLocale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { SiteBody } from "@/components/layout/SiteBody";
import { Stylesheet } from "@/components/layout/Stylesheet";

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
  return (
    <html lang={locale}>
      <head>
        <Stylesheet />
      </head>
      <SiteBody locale={locale}>{children}</SiteBody>
    </html>
  );
}
