import { Fragment } from "react";
import { center } from "@/content/center";
import { benefitsCheckSentence, costSummarySentences, coverageSentence, paymentRows } from "@/lib/center/format";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { PhoneLink } from "@/components/PhoneLink";
import { FactsBox } from "./FactsBox";

const admissions = center.phones.admissions;

/**
 * "What it costs here", at the top of the cost article: what the center takes, the self-pay price (or to ask), the
 * sliding scale, the free benefits check, and the contact form's carrier field as the way to have coverage checked.
 */
export function CostHere({ locale }: { locale: Locale }) {
  const s = strings(locale);
  const t = s.answers.cost;
  const form = t.form(s.inquiry.labels.insurance);
  return (
    <FactsBox id="cost-here-box" heading={t.heading}>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
        {paymentRows(center, locale).map((row) => (
          <Fragment key={row.label}>
            <dt className="font-semibold">{row.label}</dt>
            <dd>{row.sentences.join(" ")}</dd>
          </Fragment>
        ))}
        <dt className="font-semibold">{t.checkCoverage}</dt>
        <dd className="space-y-2">
          <p>
            {benefitsCheckSentence(center, locale)} {t.callAt} <PhoneLink tel={admissions.tel} display={admissions.display} />.
          </p>
          <p>
            {form.before}{" "}
            <a href="/contact" className="link">
              {form.link}
            </a>
            {form.after}
          </p>
          <p>{t.neverMemberId}</p>
        </dd>
      </dl>
    </FactsBox>
  );
}

/** The short cost answer for the FAQ: what the center takes, the self-pay price, and how to reach admissions. */
export function CostSummary({ locale }: { locale: Locale }) {
  const t = strings(locale).answers.cost;
  return (
    <p>
      {costSummarySentences(center, locale).join(" ")} {t.callAt} <PhoneLink tel={admissions.tel} display={admissions.display} />.
    </p>
  );
}

/** The home page's cost line: what the center takes and the benefits check, then a link to the cost article. */
export function CostLine({ locale, className }: { locale: Locale; className?: string }) {
  return (
    <p className={className}>
      {coverageSentence(center, locale)} {benefitsCheckSentence(center, locale)}{" "}
      <a href="/articles/cost-and-insurance" className="font-semibold link">
        {strings(locale).home.costLink}
      </a>
    </p>
  );
}
