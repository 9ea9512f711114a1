import type { Metadata } from "next";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { pageMetadata } from "@/lib/seo/metadata";
import { webPage } from "@/lib/seo/structured-data";
import { ContactPageBody } from "@/components/inquiry/ContactPageBody";
import { InquiryForm } from "@/components/inquiry/InquiryForm";
import { JsonLd } from "@/components/JsonLd";
import { SiteFrame } from "@/components/layout/SiteBody";

export const CONTACT_PATH = "/contact";

export function contactMetadata(locale: Locale): Metadata {
  const t = strings(locale).inquiry;
  return pageMetadata({ locale, path: CONTACT_PATH, title: t.title, description: t.intro });
}

/** The contact page with the inquiry form, in one locale (app/(en)/contact/page.tsx, app/(es)/es/contact/page.tsx). */
export function ContactPage({ locale }: { locale: Locale }) {
  const t = strings(locale).inquiry;
  return (
    <SiteFrame locale={locale} path={CONTACT_PATH}>
      <ContactPageBody locale={locale}>
        <JsonLd data={webPage({ type: "ContactPage", path: localePath(locale, CONTACT_PATH), name: t.title, description: t.intro, locale })} />
        <InquiryForm locale={locale} />
      </ContactPageBody>
    </SiteFrame>
  );
}
