import type { ReactNode } from "react";
import { center } from "@/content/center";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { PhoneLink } from "@/components/PhoneLink";
import { CrisisSentence } from "@/components/CrisisBlock";
import { localeRoute, route } from "@/lib/site/routes";
import { admissionsHours, languageHelpSentences, responseTimePhrase } from "@/lib/center/format";
import { CenterAccessibleContact } from "@/components/mdx/CenterFacts";

const PRIVACY_ID = "your-privacy";

/** The contact page around the form: the same for the static page and the no-JavaScript error page. */
export function ContactPageBody({ children, locale }: { children: ReactNode; locale: Locale }) {
  const s = strings(locale);
  const t = s.inquiry;
  const phone = center.phones.admissions;
  return (
    <div className="mx-auto grid max-w-5xl gap-8 px-4 py-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div>
        <h1 className="text-3xl font-bold sm:text-4xl">{t.title}</h1>
        <p id="inquiry-form-intro" className="mt-3 text-lg">
          {t.intro} {t.responseTime(responseTimePhrase(center, locale))}
        </p>
        <p className="mt-3">
          {t.phoneAlternative}{" "}
          <PhoneLink tel={phone.tel} display={phone.display} className="font-semibold link">
            {s.callUs} {phone.display}
          </PhoneLink>
        </p>
        {/* Whether admissions speaks the page's language or uses an interpreter, from config. */}
        <p id="inquiry-language-help" className="mt-3">
          {languageHelpSentences(center, locale).join(" ")}
        </p>
        <p className="mt-3 rounded-md border-l-4 border-red-800 bg-red-50 p-3 font-semibold dark:border-red-300 dark:bg-slate-900">
          {s.crisis.notForEmergencies} <CrisisSentence locale={locale} linkClassName="link" />
        </p>
        {/* On phones the privacy section comes after the form: its gist goes first, with a link down to it. */}
        <p className="mt-4 text-sm lg:hidden">
          {t.privacySummary(center.inquiryRetentionDays)}{" "}
          <a href={`#${PRIVACY_ID}`} className="link">
            {t.privacySummaryLink}
          </a>
        </p>
        <div className="mt-6">{children}</div>
      </div>
      <div className="space-y-6 lg:pt-16">
        {/* Beside the form on a wide screen, after it on a phone, where the privacy line and the form come first. */}
        <section
          id="inquiry-admissions-hours"
          aria-labelledby="admissions-hours-heading"
          className="rounded-lg border border-slate-300 p-4 text-sm dark:border-slate-700"
        >
          <h2 id="admissions-hours-heading" className="text-base font-bold">
            {t.thanks.hoursHeading}
          </h2>
          <ul className="mt-2 space-y-1">
            {admissionsHours(center, locale).map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
          {/* Relay, TTY or a text line, from config; or, with none, the form and email. */}
          <p id="inquiry-accessible-contact" className="mt-2">
            <CenterAccessibleContact locale={locale} />
          </p>
        </section>
        <section id={PRIVACY_ID} aria-labelledby="privacy-heading" className="rounded-lg border border-slate-300 p-4 text-sm dark:border-slate-700">
          <h2 id="privacy-heading" className="text-base font-bold">
            {t.privacyHeading}
          </h2>
          <p className="mt-2">{t.privacy(center.inquiryRetentionDays)}</p>
          <p className="mt-2">
            <a href={localeRoute(locale, route("/privacy"))} className="link">
              {t.privacyLink}
            </a>
          </p>
        </section>
      </div>
    </div>
  );
}
