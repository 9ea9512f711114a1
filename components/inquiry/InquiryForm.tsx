import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { SITE_LOCALE_FIELD, type FieldErrors } from "@/lib/inquiries/schema";
import { inquiryAction } from "@/lib/inquiries/paths";
import { ClientScript } from "@/components/ClientScript";
import { ErrorSummary, InquiryFields, type FormValues } from "./InquiryFields";
import { FORM_ID, NOTICE_ID, noticeClass, PROGRESS_ID, UNAVAILABLE_TEMPLATE_ID } from "./form-dom";
import { center } from "@/content/center";
import { PhoneLink } from "@/components/PhoneLink";
import { recordsRoute } from "@/lib/inquiries/records-route";

export type FormNotice = "network" | "rate-limited" | "unavailable";

/** The browser module of each locale: the same code, built once per locale with that locale's words (build-client.mjs). */
const inquiryModule = { en: "inquiry-form", es: "inquiry-form-es" } as const satisfies Record<Locale, string>;

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
  locale,
}: {
  values?: FormValues;
  errors?: FieldErrors;
  notice?: FormNotice;
  enhance?: boolean;
  locale: Locale;
}) {
  const t = strings(locale).inquiry;
  return (
    <>
      {/* The records route rides along for the browser module, whose refusal of patient identifiers names it too. */}
      <form
        id={FORM_ID}
        method="post"
        action={inquiryAction(locale)}
        noValidate
        aria-describedby="inquiry-form-intro"
        data-records-fax={recordsRoute.fax}
        data-records-line={recordsRoute.line}
        className="relative"
      >
        <ErrorSummary errors={errors} locale={locale} />
        <div id={NOTICE_ID} role="alert">
          {notice === "unavailable" ? <UnavailableNotice locale={locale} /> : null}
          {notice === "network" || notice === "rate-limited" ? <p className={noticeClass}>{notice === "network" ? t.networkError : t.rateLimited}</p> : null}
        </div>
        {/* The same notice for the browser module to show after a 503, with the phone number as a real link. */}
        {enhance ? (
          <template id={UNAVAILABLE_TEMPLATE_ID}>
            <UnavailableNotice locale={locale} />
          </template>
        ) : null}
        {/* Which edition of the site this form is on: the route answers in its language and records it for staff. */}
        <input type="hidden" name={SITE_LOCALE_FIELD} value={locale} />
        <InquiryFields values={values} errors={errors} locale={locale} />
        <button type="submit" className="mt-6 btn-primary w-full text-lg sm:w-auto">
          {t.submit}
        </button>
        <p id={PROGRESS_ID} aria-live="polite" className="sr-only" />
      </form>
      {enhance ? <ClientScript name={inquiryModule[locale]} /> : null}
    </>
  );
}

/** The store could not take the inquiry (503): what typed is kept, and the phone is the way to reach a person now. */
function UnavailableNotice({ locale }: { locale: Locale }) {
  const t = strings(locale).inquiry.unavailable;
  const phone = center.phones.admissions;
  return (
    <p className={noticeClass}>
      {t.lead}{" "}
      <PhoneLink tel={phone.tel} display={phone.display} className="link">
        {t.call(phone.display)}
      </PhoneLink>{" "}
      {t.retry}
    </p>
  );
}
