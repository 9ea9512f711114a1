import type { Metadata } from "next";
import { inquiryText as t } from "@/lib/i18n/inquiry.en";
import { ContactPageBody } from "@/components/inquiry/ContactPageBody";
import { InquiryForm } from "@/components/inquiry/InquiryForm";

export const metadata: Metadata = { title: t.title, description: t.intro, alternates: { canonical: "/contact" } };

export default function ContactPage() {
  return (
    <ContactPageBody>
      <InquiryForm action="/api/inquiries" />
    </ContactPageBody>
  );
}
