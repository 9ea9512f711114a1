import { center } from "@/content/center";
import { admissionsHours, clinicalLeadershipText, servesSentences, staffLanguagesSentences } from "@/lib/center/format";
import { formatLanguage, formatList } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { PhoneLink } from "@/components/PhoneLink";
import { CenterAccessibleContact } from "./CenterFacts";

/**
 * Facts for the trust pages, read from the center config and the form's own labels so the words never drift.
 * MDX renders these with the locale bound (mdx-components.tsx).
 */
export function CenterIdentity({ locale }: { locale: Locale }) {
  const { address, phones } = center;
  const s = strings(locale);
  const t = s.trustFacts;
  const sep = s.center.listSeparator;
  return (
    <dl className="not-prose my-6 grid gap-x-6 gap-y-3 rounded-lg border border-slate-300 p-4 sm:grid-cols-[12rem_1fr] dark:border-slate-700">
      <dt className="font-semibold">{t.name}</dt>
      <dd>
        {center.name} ({center.legalName})
      </dd>
      <dt className="font-semibold">{t.address}</dt>
      <dd>
        {address.street}, {address.city}, {address.region} {address.postalCode}
      </dd>
      <dt className="font-semibold">{t.admissionsPhone}</dt>
      <dd>
        <PhoneLink tel={phones.admissions.tel} display={phones.admissions.display} />
      </dd>
      <dt className="font-semibold">{t.accessibleContact}</dt>
      <dd>
        <CenterAccessibleContact locale={locale} />
      </dd>
      <dt className="font-semibold">{t.email}</dt>
      <dd>
        <a className="link" href={`mailto:${center.email}`}>
          {center.email}
        </a>
      </dd>
      <dt className="font-semibold">{t.hours}</dt>
      <dd>{admissionsHours(center, locale).join(sep)}</dd>
      <dt className="font-semibold">{t.languages}</dt>
      <dd>{staffLanguagesSentences(center, locale).join(" ")}</dd>
      <dt className="font-semibold">{t.serviceArea}</dt>
      <dd>{center.serviceArea[locale]}</dd>
      <dt className="font-semibold">{t.licenses}</dt>
      <dd>{center.licenses.map((l) => l[locale]).join(sep)}</dd>
      <dt className="font-semibold">{t.accreditation}</dt>
      <dd>{center.accreditation.length ? center.accreditation.map((a) => a[locale]).join(sep) : t.noneListed}</dd>
      <dt className="font-semibold">{t.levelOfCare}</dt>
      <dd>{t.levelOfCareValue(center.tracks.map((track) => t.levelOfCareTrack(track.name[locale], track.hoursPerWeek)).join(sep))}</dd>
      <dt className="font-semibold">{t.serves}</dt>
      <dd>{servesSentences(center, locale).join(" ")}</dd>
      <dt className="font-semibold">{t.clinicalLeadership}</dt>
      <dd>{clinicalLeadershipText(center, locale)}</dd>
    </dl>
  );
}

export function RetentionDays() {
  return <>{center.inquiryRetentionDays}</>;
}

export function ResponseTime() {
  return <>{center.responseTimeBusinessHours}</>;
}

export function CenterEmail() {
  return (
    <a className="link" href={`mailto:${center.email}`}>
      {center.email}
    </a>
  );
}

/** What the contact form asks, in the form's own words. */
export function InquiryFieldList({ locale }: { locale: Locale }) {
  const items = strings(locale).trustFacts.inquiryFields;
  return (
    <ul>
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
}

/**
 * Who reviews the pages of one edition (`edition`, e.g. "es"), from config: the reviewers with that language, or, while
 * there is none, that no named reviewer who reads it has reviewed them yet. The about page says it in both languages.
 */
export function EditionReviewers({ locale, edition }: { locale: Locale; edition: Locale }) {
  const t = strings(locale).trustFacts.editionReviewers;
  const language = formatLanguage(edition, locale);
  const names = center.reviewers.filter((r) => r.languages.includes(edition)).map((r) => `${r.name}, ${r.credentials}`);
  return <>{names.length ? t.some(language, formatList(names, locale)) : t.none(language)}</>;
}

/** A marked gap that the center must fill with its own legal text before launch. */
export function Placeholder({ children, locale }: { children: React.ReactNode; locale: Locale }) {
  return (
    <div className="not-prose my-6 rounded-lg border-2 border-dashed border-amber-700 p-4 dark:border-amber-300">
      <p className="font-bold">{strings(locale).trustFacts.placeholder}</p>
      <div className="mt-2">{children}</div>
    </div>
  );
}
