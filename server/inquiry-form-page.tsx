import type { FormValues } from "@/components/inquiry/InquiryFields";
import { CONTACT_PATH } from "@/components/pages/ContactPage";
import { ContactPageBody } from "@/components/inquiry/ContactPageBody";
import { InquiryForm } from "@/components/inquiry/InquiryForm";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import type { FieldErrors } from "@/lib/inquiries/schema";
import { renderPage } from "./render-page";

/**
 * For browsers without JavaScript the inquiry route answers an invalid or refused post with the contact page
 * again: the same form holding every value and each error, and no script (it is for browsers that run none).
 */
export async function renderInquiryFormPage(input: { values: FormValues; errors: FieldErrors; status: 400 | 429 | 503; locale?: Locale }): Promise<string> {
  const locale = input.locale ?? "en";
  const t = strings(locale).inquiry;
  return renderPage({
    locale,
    title: [t.errorTitlePrefix, t.title].join(" "),
    path: CONTACT_PATH,
    children: (
      <ContactPageBody locale={locale}>
        <InquiryForm
          locale={locale}
          values={input.values}
          errors={input.errors}
          notice={input.status === 429 ? "rate-limited" : input.status === 503 ? "unavailable" : undefined}
          enhance={false}
        />
      </ContactPageBody>
    ),
  });
}
