import { strings } from "@/lib/i18n/strings";
import type { Locale } from "@/lib/i18n/locales";
import { articlePath } from "@/lib/site/routes";
import { crisisLines, lifelineChatUrl, smsHref, telHref } from "@/lib/site/crisis";
import { Slotted } from "@/components/Slotted";

/** The article that explains naloxone; the word "naloxone" in the overdose line links to it. */
const OVERDOSE_ARTICLE = "preventing-overdose";

/**
 * "In crisis? Call or text 988. In an emergency, call 911.", with the numbers as links inside the sentence: the header
 * strip, the contact page and the not-found page. A Spanish sentence also says which key reaches 988 in Spanish
 * ({press}) and can name the text keyword ({keyword}). `short`: the header's two-line form for large text on a phone.
 */
export function CrisisSentence({ locale, linkClassName, short = false }: { locale: Locale; linkClassName: string; short?: boolean }) {
  const { emergency, lifeline } = crisisLines;
  const words = strings(locale).crisis;
  return (
    <Slotted
      text={short ? words.stripShort : words.strip}
      slots={{
        press: lifeline.spanish.press,
        keyword: <strong>{lifeline.spanish.textKeyword}</strong>,
        lifeline: (
          <a href={telHref(lifeline.tel)} className={linkClassName}>
            {lifeline.display}
          </a>
        ),
        emergency: (
          <a href={telHref(emergency.tel)} className={linkClassName}>
            {emergency.display}
          </a>
        ),
      }}
    />
  );
}

/**
 * How to get help now. Shown on every page (in the footer) and again on the thank-you page. The overdose line, 988 and
 * the SAMHSA helpline are always visible; the Veterans Crisis Line and 988 in ASL sit in a <details> (no script), so the
 * block is no taller on a phone than it was before they were added. On pages in another language, 988 in Spanish sits
 * there too, marked as Spanish; on Spanish pages it is the 988 line itself (press 2, text AYUDA, the Spanish chat), and
 * the helpline's sentence says its text service answers in English only.
 */
export function CrisisBlock({ locale, headingLevel = 2, id }: { locale: Locale; headingLevel?: 2 | 3; id?: string }) {
  const t = strings(locale).crisis;
  const { emergency, lifeline, veterans, samhsa } = crisisLines;
  // 988's own ways into Spanish: slots every sentence of the block may use (a Spanish page's 988 line does).
  const spanishSlots = { press: lifeline.spanish.press, keyword: <strong>{lifeline.spanish.textKeyword}</strong> };
  const spanishInDetails = locale !== "es";
  const Heading = `h${headingLevel}` as const;
  const headingId = id ?? "crisis-heading";
  const link = "font-semibold link";
  return (
    <section
      aria-labelledby={headingId}
      className="crisis self-start rounded-lg border-2 border-red-800 bg-red-50 p-4 text-slate-900 dark:border-red-300 dark:bg-slate-900 dark:text-slate-100"
    >
      <Heading id={headingId} className="text-lg font-bold">
        {t.heading}
      </Heading>
      <ul className="mt-2 space-y-3">
        <li className="crisis-overdose">
          <Slotted
            text={t.overdose}
            slots={{
              emergency: (
                <a className={link} href={telHref(emergency.tel)}>
                  {emergency.display}
                </a>
              ),
              naloxone: (
                <a className={link} href={articlePath(locale, OVERDOSE_ARTICLE)}>
                  {t.naloxone}
                </a>
              ),
            }}
          />{" "}
          <Slotted text={t.otherEmergency} slots={{ emergency: emergency.display }} />
        </li>
        <li>
          <p>
            <Slotted text={t.lifeline} slots={{ lifeline: lifeline.display, ...spanishSlots }} />
          </p>
          <p className="flex flex-wrap gap-x-4 gap-y-1">
            <a className={link} href={telHref(lifeline.tel)}>
              <Slotted text={t.call} slots={{ number: lifeline.display, ...spanishSlots }} />
            </a>
            <a className={link} href={smsHref(lifeline.sms)}>
              <Slotted text={t.text} slots={{ number: lifeline.display, ...spanishSlots }} />
            </a>
            <a className={link} href={lifelineChatUrl(locale)} rel="noopener noreferrer">
              {t.chat}
            </a>
          </p>
        </li>
        <li>
          <p>{t.samhsa}</p>
          <p className="flex flex-wrap gap-x-4 gap-y-1">
            <a className={link} href={telHref(samhsa.tel)}>
              {samhsa.display}
            </a>
            <span>
              {t.samhsaTty}:{" "}
              <a className="link" href={telHref(samhsa.ttyTel)}>
                {samhsa.ttyDisplay}
              </a>
            </span>
          </p>
        </li>
      </ul>
      <details className="crisis-more group mt-2">
        <summary className="crisis-more-summary">
          <span aria-hidden="true" className="crisis-more-marker" />
          <span>
            <span className="crisis-more-label">{t.more}</span>{" "}
            <span className="crisis-more-hint">
              <Slotted text={t.moreHint} slots={{ spanish: <span lang="es">{t.moreSpanish}</span> }} />
            </span>
          </span>
        </summary>
        <ul className="mt-1 space-y-3">
          {spanishInDetails ? (
            <li lang="es">
              <Slotted
                text={t.spanish}
                slots={{
                  tel: (
                    <a className={link} href={telHref(lifeline.tel)}>
                      {lifeline.display}
                    </a>
                  ),
                  press: lifeline.spanish.press,
                  keyword: <strong>{lifeline.spanish.textKeyword}</strong>,
                  sms: (
                    <a className={link} href={smsHref(lifeline.sms)}>
                      {lifeline.display}
                    </a>
                  ),
                  chat: (
                    <a className={link} href={lifeline.spanish.chatUrl} rel="noopener noreferrer">
                      {t.spanishChat}
                    </a>
                  ),
                }}
              />
            </li>
          ) : null}
          <li>
            <Slotted
              text={t.veterans}
              slots={{
                tel: (
                  <a className={link} href={telHref(lifeline.tel)}>
                    {lifeline.display}
                  </a>
                ),
                press: veterans.press,
                sms: (
                  <a className={link} href={smsHref(veterans.sms)}>
                    {veterans.display}
                  </a>
                ),
              }}
            />
          </li>
          <li>
            <Slotted
              text={t.deaf}
              slots={{
                number: lifeline.display,
                more: (
                  <a className={link} href={lifeline.deafUrl} rel="noopener noreferrer">
                    {t.deafMore}
                  </a>
                ),
              }}
            />
          </li>
        </ul>
      </details>
    </section>
  );
}
