import { center } from "@/content/center";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { articlePath } from "@/lib/site/routes";
import { crisisLines, telHref } from "@/lib/site/crisis";
import { selfCheckLinks } from "@/lib/self-check/links";
import type { InstrumentText } from "@/lib/self-check/instruments/types";
import type { Outcome } from "@/lib/self-check/score";
import { PhoneLink } from "@/components/PhoneLink";
import { Slotted } from "@/components/Slotted";
import { SelfCheckForm, type FormState } from "@/components/self-check/SelfCheckForm";
import { SelfCheckResult } from "@/components/self-check/SelfCheckResult";

/**
 * The self-check page's body, in any locale: the same module for the prerendered page and for the server entry's
 * answers to a post from a browser without JavaScript (`state` and `outcome` set, `enhance` false).
 * `instrument` is undefined when no scored check may be shown in this locale (licence not confirmed, or no
 * publisher's version in this language): the page then says so and offers the plain next steps.
 */
export function SelfCheckPage({
  locale,
  instrument,
  state,
  outcome,
  enhance = true,
}: {
  locale: Locale;
  instrument: InstrumentText | undefined;
  state?: FormState;
  outcome?: Outcome | "minor";
  enhance?: boolean;
}) {
  const t = strings(locale).selfCheck;
  const link = "link font-semibold";
  const phone = center.phones.admissions;
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-3xl font-bold sm:text-4xl">{t.title}</h1>
      <p className="mt-3 text-lg">{t.intro}</p>
      <ul className="mt-3 list-disc space-y-1 pl-6">
        <li>{t.adultsOnly}</li>
        <li>{t.privacy}</li>
        <li>{t.notDiagnosis}</li>
      </ul>
      <div className="mt-8">
        {instrument ? (
          <>
            <SelfCheckResult locale={locale} outcome={outcome} />
            <SelfCheckForm locale={locale} instrument={instrument} state={state} enhance={enhance} />
            <p className="mt-4 text-sm">
              {t.source}{" "}
              <a href={instrument.source.url} className="link">
                {instrument.source.title}, {instrument.source.publisher}
              </a>
            </p>
          </>
        ) : (
          <section aria-labelledby="self-check-unavailable" className="rounded-lg border border-slate-300 p-4 dark:border-slate-700">
            <h2 id="self-check-unavailable" className="text-xl font-bold">
              {t.unavailableHeading}
            </h2>
            <p className="mt-2">{t.unavailable}</p>
          </section>
        )}
      </div>
      <section aria-labelledby="self-check-niaaa" className="mt-8">
        <h2 id="self-check-niaaa" className="text-2xl font-bold">
          {t.niaaaHeading}
        </h2>
        <p className="mt-2">
          <Slotted
            text={t.niaaa}
            slots={{
              link: (
                <a href={selfCheckLinks.rethinkingDrinking} className={link}>
                  {t.niaaaLink}
                </a>
              ),
            }}
          />
        </p>
      </section>
      <section aria-labelledby="self-check-next" className="mt-8">
        <h2 id="self-check-next" className="text-2xl font-bold">
          {t.nextHeading}
        </h2>
        <ul className="mt-2 list-disc space-y-2 pl-6">
          <li>{t.next.doctor}</li>
          <li>
            <Slotted
              text={t.next.samhsa}
              slots={{
                samhsa: (
                  <a href={telHref(crisisLines.samhsa.tel)} className={link}>
                    {crisisLines.samhsa.display}
                  </a>
                ),
              }}
            />
          </li>
          <li>
            <Slotted
              text={t.next.findTreatment}
              slots={{
                findTreatment: (
                  <a href={selfCheckLinks.findTreatment} className={link}>
                    {t.next.findTreatmentName}
                  </a>
                ),
              }}
            />
          </li>
          <li>
            <Slotted text={t.next.us} slots={{ phone: <PhoneLink tel={phone.tel} display={phone.display} className={link} /> }} />
          </li>
        </ul>
        <p className="mt-3">{t.next.notUs}</p>
      </section>
      <section aria-labelledby="self-check-always" className="mt-8">
        <h2 id="self-check-always" className="text-2xl font-bold">
          {t.alwaysHeading}
        </h2>
        <ul className="mt-2 list-disc space-y-2 pl-6">
          <li>
            {t.pregnancy}{" "}
            <a href={selfCheckLinks.cdcPregnancy} className="text-sm link">
              {t.pregnancySource}
            </a>
          </li>
          <li>
            <Slotted
              text={t.opioids}
              slots={{
                naloxone: (
                  <a href={`${articlePath(locale, "preventing-overdose")}#how-to-use-naloxone-nasal-spray`} className={link}>
                    {t.naloxone}
                  </a>
                ),
                overdose: (
                  <a href={articlePath(locale, "preventing-overdose")} className={link}>
                    {t.overdose}
                  </a>
                ),
              }}
            />
          </li>
          <li>{t.otherDrugs}</li>
        </ul>
      </section>
    </div>
  );
}
