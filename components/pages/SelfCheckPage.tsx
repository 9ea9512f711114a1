import type { Metadata } from "next";
import { center } from "@/content/center";
import { localePath, type Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { pageMetadata } from "@/lib/seo/metadata";
import { webPage } from "@/lib/seo/structured-data";
import { articlePath } from "@/lib/site/routes";
import { crisisLines, smsHref, telHref } from "@/lib/site/crisis";
import { naloxoneSection, niaaaPage, selfCheckLinks } from "@/lib/self-check/links";
import { missingCheckReason, offeredCheck } from "@/lib/self-check/instruments";
import type { ScoredCheck } from "@/lib/self-check/instruments/types";
import type { Outcome } from "@/lib/self-check/score";
import { JsonLd } from "@/components/JsonLd";
import { PhoneLink } from "@/components/PhoneLink";
import { Slotted } from "@/components/Slotted";
import { SiteFrame } from "@/components/layout/SiteBody";
import { SelfCheckForm, type FormState } from "@/components/self-check/SelfCheckForm";
import { SelfCheckResult } from "@/components/self-check/SelfCheckResult";

export const SELF_CHECK_PATH = "/self-check";

/** The page's title and description, which say whether it offers a scored check in this language. */
export function selfCheckHead(locale: Locale, opts: { preview?: boolean } = {}) {
  const t = strings(locale).selfCheck;
  const kind = offeredCheck(locale, opts) ? "withCheck" : "withoutCheck";
  return { title: t.title[kind], description: t.description[kind] };
}

export function selfCheckMetadata(locale: Locale): Metadata {
  return pageMetadata({ locale, path: SELF_CHECK_PATH, ...selfCheckHead(locale) });
}

/**
 * The self-check page in one locale (app/(en)/self-check/page.tsx, app/(es)/es/self-check/page.tsx). Which scored
 * check it offers, if any, is decided by lib/self-check/instruments: the publisher's version in this language, once
 * its license is confirmed (`preview` on this machine before that).
 */
export function SelfCheckPage({ locale, preview = false, enhance = true }: { locale: Locale; preview?: boolean; enhance?: boolean }) {
  return (
    <SiteFrame locale={locale} path={SELF_CHECK_PATH}>
      <SelfCheckBody locale={locale} preview={preview} enhance={enhance} />
    </SiteFrame>
  );
}

/**
 * The page's body, in any locale: the same module for the prerendered page and for the server entry's answers to a
 * post from a browser without JavaScript (`state` and `outcome` set, `enhance` false). With no scored check for this
 * locale (license not confirmed, or no publisher's version in this language) the page says why and offers the plain
 * next steps; it never shows our own translation of an instrument.
 */
export function SelfCheckBody({
  locale,
  preview = false,
  state,
  outcome,
  enhance = true,
}: {
  locale: Locale;
  preview?: boolean;
  state?: FormState;
  outcome?: Outcome | "minor";
  enhance?: boolean;
}) {
  const t = strings(locale).selfCheck;
  const check: ScoredCheck | undefined = offeredCheck(locale, { preview });
  const reason = missingCheckReason(locale, { preview });
  const head = selfCheckHead(locale, { preview });
  const link = "link font-semibold";
  const phone = center.phones.admissions;
  const lifeline = crisisLines.lifeline;
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <JsonLd data={webPage({ type: "WebPage", path: localePath(locale, SELF_CHECK_PATH), name: head.title, description: head.description, locale })} />
      <h1 className="text-3xl font-bold sm:text-4xl">{head.title}</h1>
      <p className="mt-3 text-lg">{t.intro}</p>
      {check ? (
        <>
          <ul className="mt-3 list-disc space-y-1 pl-6">
            <li>{t.adultsOnly}</li>
            <li>{t.privacy}</li>
            <li>{t.notDiagnosis}</li>
          </ul>
          <div className="mt-8">
            <SelfCheckResult locale={locale} check={check} outcome={outcome} />
            <SelfCheckForm check={check} locale={locale} state={state} enhance={enhance} />
            <p className="mt-4 text-sm">
              {check.words.source}{" "}
              <a href={check.instrument.source.url} className="link">
                {check.instrument.source.title}, {check.instrument.source.publisher}
              </a>
            </p>
          </div>
        </>
      ) : reason ? (
        <section aria-labelledby="self-check-unavailable" className="mt-8 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
          <h2 id="self-check-unavailable" className="text-xl font-bold">
            {t.unavailable[reason].heading}
          </h2>
          {t.unavailable[reason].body.map((line) => (
            <p key={line} className="mt-2">
              {line}
            </p>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="self-check-niaaa" className="mt-8">
        <h2 id="self-check-niaaa" className="text-2xl font-bold">
          {t.niaaaHeading}
        </h2>
        <p className="mt-2">
          <Slotted
            text={t.niaaa}
            slots={{
              link: (
                <a href={niaaaPage[locale]} className={link}>
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
          <li>
            <Slotted
              text={t.next.talkNow}
              slots={{
                lifeline: (
                  <a href={telHref(lifeline.tel)} className={link}>
                    {lifeline.display}
                  </a>
                ),
                lifelineSms: (
                  <a href={smsHref(lifeline.sms)} className={link}>
                    {lifeline.display}
                  </a>
                ),
                press: lifeline.spanish.press,
                keyword: <strong>{lifeline.spanish.textKeyword}</strong>,
              }}
            />
          </li>
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
            <Slotted
              text={t.withdrawal}
              slots={{
                link: (
                  <a href={articlePath(locale, "withdrawal-and-detox")} className={link}>
                    {t.withdrawalLink}
                  </a>
                ),
              }}
            />
          </li>
          <li>
            {t.pregnancy}{" "}
            <a href={selfCheckLinks.cdcPregnancy} hrefLang="en" className="text-sm link">
              {t.pregnancySource}
            </a>
          </li>
          <li>
            <Slotted
              text={t.opioids}
              slots={{
                naloxone: (
                  <a href={`${articlePath(locale, "preventing-overdose")}#${naloxoneSection[locale]}`} className={link}>
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
