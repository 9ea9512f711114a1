import type { ReactNode } from "react";
import { center } from "@/content/center";
import { asSentence } from "@/lib/center/format";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { crisisLines } from "@/lib/site/crisis";
import { PhoneLink } from "@/components/PhoneLink";
import { FactsBox } from "./FactsBox";

/** What this center offers families, from the config: each offering, and whether it is open to families of non-patients. */
export function FamilyOffer({ locale }: { locale: Locale }) {
  const t = strings(locale).answers.families;
  const admissions = center.phones.admissions;
  return (
    <FactsBox id="family-offer-box" heading={t.heading} level={3}>
      {center.families.length ? (
        <ul className="space-y-3">
          {center.families.map((f) => (
            <li key={f.name[locale]}>
              <strong>{asSentence(f.name[locale])}</strong> {asSentence(f.description[locale])} {f.openToNonPatientFamilies ? t.openToAll : t.patientsOnly}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.none}</p>
      )}
      <p className="mt-3">
        {t.ask} <PhoneLink tel={admissions.tel} display={admissions.display} />.
      </p>
    </FactsBox>
  );
}

/**
 * "If your loved one uses opioids", first in the family article. The article writes everything inside it: its `##`
 * heading first (so the table of contents lists it; `headingId` is the id rehype-slug gives that heading), then the
 * signs, the steps with <EmergencyCall /> and the link to the overdose article, with their citations.
 */
export function OpioidSafety({ headingId, children }: { headingId: string; children: ReactNode }) {
  return (
    <FactsBox id={headingId}>
      <div className="space-y-3 [&_a:not(.btn-primary)]:link [&_ol]:list-decimal [&_ol]:space-y-2 [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:space-y-1 [&_ul]:pl-6 [&>h2:first-child]:text-xl [&>h2:first-child]:leading-snug [&>h2:first-child]:font-bold">
        {children}
      </div>
    </FactsBox>
  );
}

/** The emergency number as a call link ("Call 911"), from lib/site/crisis.ts, for a step inside an article. */
export function EmergencyCall({ locale }: { locale: Locale }) {
  const n = crisisLines.emergency;
  return (
    <PhoneLink tel={n.tel} display={n.display} className="btn-primary">
      {strings(locale).answers.opioids.call(n.display)}
    </PhoneLink>
  );
}
