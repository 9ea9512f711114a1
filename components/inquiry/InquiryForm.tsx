import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import type { FieldErrors } from "@/lib/inquiries/schema";
import { INQUIRY_API_PATH } from "@/lib/inquiries/paths";
import { ClientScript } from "@/components/ClientScript";
import { ErrorSummary, InquiryFields, type FormValues } from "./InquiryFields";
import { FORM_ID, NOTICE_ID, noticeClass, PROGRESS_ID } from "./form-dom";

export type FormNotice = "network" | "rate-limited";

/**
 * The inquiry form, rendered on the server only. Without JavaScript it posts as a plain form and the route
 * answers with this same component holding the errors and every value. With JavaScript, a small module
 * (enhance-inquiry-form.ts, no React) validates with the shared schema, shows errors in the slots rendered
 * here, and sends with an idempotency key.
 */
export function InquiryForm({
  values,
  errors = {},
  notice,
  enhance = true,
  locale = defaultLocale,
}: {
  values?: FormValues;
  errors?: FieldErrors;
  notice?: FormNotice;
  enhance?: boolean;
  /** Optional only because the no-JavaScript error page (lib/inquiries/form-page.tsx) renders the default locale. */
  locale?: Locale;
}) {
  const t = strings(locale).inquiry;
  return (
    <>
      <form id={FORM_ID} method="post" action={INQUIRY_API_PATH} noValidate aria-describedby="inquiry-form-intro" className="relative">
        <ErrorSummary errors={errors} locale={locale} />
        <div id={NOTICE_ID} role="alert">
          {notice ? <p className={noticeClass}>{notice === "network" ? t.networkError : t.rateLimited}</p> : null}
        </div>
        <InquiryFields values={values} errors={errors} locale={locale} />
        <button type="submit" className="mt-6 btn-primary w-full text-lg sm:w-auto">
          {t.submit}
        </button>
        <p id={PROGRESS_ID} aria-live="polite" className="sr-only" />
      </form>
      {enhance ? <ClientScript name="inquiry-form" /> : null}
    </>
  );
}
