import { center } from "@/content/center";
import { assessmentTimeSentence, referralHours } from "@/lib/center/format";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { PhoneLink } from "@/components/PhoneLink";
import { FactsBox } from "./FactsBox";

/**
 * What a referring clinician needs first, at the top of the page for professionals: the referral line, the secure
 * fax (as text: a fax number is typed into a fax machine, not dialled), hours in the center's time zone, the usual
 * time to assessment, what to send and how records travel.
 */
export function ReferralBox({ locale }: { locale: Locale }) {
  const t = strings(locale).answers.referrals;
  const r = center.referrals;
  return (
    <FactsBox id="referral-box" heading={t.heading}>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
        <dt className="font-semibold">{t.line}</dt>
        <dd>
          <PhoneLink tel={r.phone.tel} display={r.phone.display} />
        </dd>
        <dt className="font-semibold">{t.fax}</dt>
        <dd>{r.secureFax.display}</dd>
        <dt className="font-semibold">{t.hours}</dt>
        <dd>
          {referralHours(center, locale).map((h) => (
            <span key={h} className="block">
              {h}
            </span>
          ))}
        </dd>
        <dt className="font-semibold">{t.assessment}</dt>
        <dd>{assessmentTimeSentence(center, locale)}</dd>
        <dt className="font-semibold">{t.whatToSend}</dt>
        <dd>
          <ul className="list-disc space-y-1 pl-5">
            {r.whatToSend.map((item) => (
              <li key={item[locale]}>{item[locale]}</li>
            ))}
          </ul>
        </dd>
        <dt className="font-semibold">{t.records}</dt>
        <dd>{r.howRecordsTravel[locale]}</dd>
      </dl>
    </FactsBox>
  );
}
