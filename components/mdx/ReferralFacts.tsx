import { center } from "@/content/center";
import { asSentence, assessmentTimeSentence, referralHours } from "@/lib/center/format";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { PhoneLink } from "@/components/PhoneLink";
import { Fact, FactList, FactsBox } from "./FactsBox";

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
      <FactList>
        <Fact label={t.line}>
          <PhoneLink tel={r.phone.tel} display={r.phone.display} className="text-lg font-semibold link" />
        </Fact>
        <Fact label={t.fax}>{r.secureFax.display}</Fact>
        <Fact label={t.hours}>
          {referralHours(center, locale).map((h) => (
            <span key={h} className="block">
              {h}
            </span>
          ))}
        </Fact>
        <Fact label={t.assessment}>{assessmentTimeSentence(center, locale)}</Fact>
        <Fact label={t.whatToSend}>
          <ul className="list-disc space-y-1 pl-5">
            {r.whatToSend.map((item) => (
              <li key={item[locale]}>{item[locale]}</li>
            ))}
          </ul>
        </Fact>
        <Fact label={t.records}>{asSentence(r.howRecordsTravel[locale])}</Fact>
      </FactList>
    </FactsBox>
  );
}
