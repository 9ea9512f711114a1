import type { ReactNode } from "react";
import { center } from "@/content/center";
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
              <strong>{f.name[locale]}.</strong> {f.description[locale].replace(/[.\s]+$/, "")}. {f.openToNonPatientFamilies ? t.openToAll : t.patientsOnly}
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
 * "If your loved one uses opioids", near the top of the family article. The article writes the signs, the steps and
 * the link to the overdose article inside it (with their citations, and <EmergencyCall /> for the number); the box
 * gives them a heading and a frame.
 */
export function OpioidSafety({ locale, children }: { locale: Locale; children: ReactNode }) {
  const t = strings(locale).answers.opioids;
  return (
    <FactsBox id="opioid-safety-box" heading={t.heading}>
      <div className="space-y-3 [&_a:not(.btn-primary)]:link [&_ol]:list-decimal [&_ol]:space-y-2 [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:space-y-1 [&_ul]:pl-6">
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
