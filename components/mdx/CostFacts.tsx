import { center } from "@/content/center";
import { benefitsCheckSentence, costSummarySentences, coverageSentence, paymentRows } from "@/lib/center/format";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { PhoneLink } from "@/components/PhoneLink";
import { localeRoute, route } from "@/lib/site/routes";
import { Fact, FactList, FactsBox } from "./FactsBox";

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
      <FactList>
        {paymentRows(center, locale).map((row) => (
          <Fact key={row.label} label={row.label}>
            {row.sentences.join(" ")}
          </Fact>
        ))}
        <Fact label={t.checkCoverage}>
          <p>
            {benefitsCheckSentence(center, locale)} {t.callAt} <PhoneLink tel={admissions.tel} display={admissions.display} />.
          </p>
          <p className="mt-2">
            {form.before}{" "}
            <a href={localeRoute(locale, route("/contact"))} className="link">
              {form.link}
            </a>
            {form.after}
          </p>
          <p className="mt-2">{t.neverMemberId}</p>
        </Fact>
      </FactList>
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

/** The home page's cost part under "Our program": what the center takes and the benefits check, then a link to the cost article. */
export function HomeCost({ locale, className }: { locale: Locale; className?: string }) {
  const home = strings(locale).home;
  return (
    <div className={className}>
      <h3 className="text-lg font-semibold">{home.costHeading}</h3>
      <p className="mt-2">
        {coverageSentence(center, locale)} {benefitsCheckSentence(center, locale)}{" "}
        <a href={localeRoute(locale, route("/articles/cost-and-insurance"))} className="font-semibold link">
          {home.costLink}
        </a>
      </p>
    </div>
  );
}
