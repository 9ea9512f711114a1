import type { Metadata } from "next";
import { center } from "@/content/center";
import { admissionsHours, responseTimePhrase } from "@/lib/center/format";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { THANKS_PATH } from "@/lib/inquiries/paths";
import { pageMetadata } from "@/lib/seo/metadata";
import { PhoneLink } from "@/components/PhoneLink";
import { SiteFrame } from "@/components/layout/SiteBody";
import { CONTACT_PATH } from "./ContactPage";

/**
 * Reached only after an inquiry is stored (nothing links here and it is not in the sitemap). Its canonical URL
 * is the form it belongs to, so search engines list the contact page rather than a page that says "we have your
 * message" to someone who sent none. A noindex would also keep it out, but Lighthouse's SEO audit fails every
 * noindex page (and this page is held to 100 there, BENCHMARKS.md), and the canonical does the job on its own. The crisis
 * block is the footer's: one per page.
 */
export function thanksMetadata(locale: Locale): Metadata {
  const t = strings(locale).inquiry.thanks;
  return pageMetadata({ locale, path: THANKS_PATH, canonicalPath: CONTACT_PATH, title: t.title, description: t.next(responseTimePhrase(center, locale)) });
}

/** The thank-you page, in one locale (app/(en)/contact/thanks/page.tsx, app/(es)/es/contact/thanks/page.tsx). */
export function ThanksPage({ locale }: { locale: Locale }) {
  const t = strings(locale).inquiry.thanks;
  const phone = center.phones.admissions;
  return (
    <SiteFrame locale={locale} path={THANKS_PATH}>
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="text-3xl font-bold">{t.title}</h1>
        <p className="mt-4 text-lg">{t.next(responseTimePhrase(center, locale))}</p>
        <p className="mt-4">
          {t.callInstead} <PhoneLink tel={phone.tel} display={phone.display} className="font-semibold link" />
        </p>
        <h2 className="mt-6 text-lg font-semibold">{t.hoursHeading}</h2>
        <ul className="mt-2 space-y-1">
          {admissionsHours(center, locale).map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
        <p className="mt-4 font-semibold">{t.notEmergency}</p>
        <p className="mt-6">{t.meanwhile}</p>
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {t.links.map((l) => (
            <li key={l.href}>
              <a href={localePath(locale, l.href)} className="link">
                {l.label}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </SiteFrame>
  );
}
