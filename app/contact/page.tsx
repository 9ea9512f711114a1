import type { Metadata } from "next";
import { strings } from "@/lib/i18n/strings";
import { ContactPageBody } from "@/components/inquiry/ContactPageBody";
import { InquiryForm } from "@/components/inquiry/InquiryForm";
import { JsonLd } from "@/components/JsonLd";
import { webPage } from "@/lib/seo/structured-data";

const locale = "en" as const;
const t = strings(locale).inquiry;

export const metadata: Metadata = { title: t.title, description: t.intro, alternates: { canonical: "/contact" } };

export default function ContactPage() {
  return (
    <ContactPageBody locale={locale}>
      <JsonLd data={webPage({ type: "ContactPage", path: "/contact", name: t.title, description: t.intro, locale })} />
      <InquiryForm locale={locale} />
    </ContactPageBody>
  );
}
