import type { Metadata } from "next";
import { inquiryText as t } from "@/lib/i18n/inquiry.en";
import { ContactPageBody } from "@/components/inquiry/ContactPageBody";
import { InquiryForm } from "@/components/inquiry/InquiryForm";
import { JsonLd } from "@/components/JsonLd";
import { webPage } from "@/lib/seo/structured-data";

export const metadata: Metadata = { title: t.title, description: t.intro, alternates: { canonical: "/contact" } };

export default function ContactPage() {
  return (
    <ContactPageBody>
      <JsonLd data={webPage({ type: "ContactPage", path: "/contact", name: t.title, description: t.intro })} />
      <InquiryForm />
    </ContactPageBody>
  );
}
