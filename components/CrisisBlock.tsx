import { strings } from "@/lib/i18n/strings";
import type { Locale } from "@/lib/i18n/locales";
import { crisisLines } from "@/lib/site/crisis";

/** How to get help now. Shown on every page (in the footer) and again beside the form and on the thank-you page. */
export function CrisisBlock({ locale, headingLevel = 2, id }: { locale: Locale; headingLevel?: 2 | 3; id?: string }) {
  const t = strings(locale).crisis;
  const Heading = `h${headingLevel}` as const;
  const headingId = id ?? "crisis-heading";
  return (
    <section
      aria-labelledby={headingId}
      className="crisis self-start rounded-lg border-2 border-red-800 bg-red-50 p-4 text-slate-900 dark:border-red-300 dark:bg-slate-900 dark:text-slate-100"
    >
      <Heading id={headingId} className="text-lg font-bold">
        {t.heading}
      </Heading>
      <ul className="mt-2 space-y-3">
        <li>
          <p>{t.emergency}</p>
          <a className="font-semibold link" href={`tel:${crisisLines.emergency.tel}`}>
            {t.call911}
          </a>
        </li>
        <li>
          <p>{t.lifeline}</p>
          <p className="flex flex-wrap gap-x-4 gap-y-1">
            <a className="font-semibold link" href={`tel:${crisisLines.lifeline.tel}`}>
              {t.call988}
            </a>
            <a className="font-semibold link" href={`sms:${crisisLines.lifeline.tel}`}>
              {t.text988}
            </a>
            <a className="font-semibold link" href={crisisLines.lifeline.chatUrl} rel="noopener noreferrer">
              {t.chat988}
            </a>
          </p>
        </li>
        <li>
          <p>{t.samhsa}</p>
          <p className="flex flex-wrap gap-x-4 gap-y-1">
            <a className="font-semibold link" href={`tel:${crisisLines.samhsa.tel}`}>
              {crisisLines.samhsa.display}
            </a>
            <span>
              {t.samhsaTty}:{" "}
              <a className="link" href={`tel:${crisisLines.samhsa.ttyTel}`}>
                {crisisLines.samhsa.ttyDisplay}
              </a>
            </span>
          </p>
        </li>
      </ul>
    </section>
  );
}
