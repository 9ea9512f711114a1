import type { FormValues } from "@/components/inquiry/InquiryFields";
import { ContactPageBody } from "@/components/inquiry/ContactPageBody";
import { InquiryForm } from "@/components/inquiry/InquiryForm";
import { inquiryText as t } from "@/lib/i18n/inquiry.en";
import type { FieldErrors } from "@/lib/inquiries/schema";
import { renderPage } from "./render-page";

/**
 * For browsers without JavaScript the inquiry route answers an invalid or refused post with the contact page
 * again: the same form holding every value and each error, and no script (it is for browsers that run none).
 */
export async function renderInquiryFormPage(input: { values: FormValues; errors: FieldErrors; status: 400 | 429 }): Promise<string> {
  return renderPage({
    locale: "en",
    title: `${t.errorTitlePrefix} ${t.title}`,
    children: (
      <ContactPageBody>
        <InquiryForm values={input.values} errors={input.errors} notice={input.status === 429 ? "rate-limited" : undefined} enhance={false} />
      </ContactPageBody>
    ),
  });
}
