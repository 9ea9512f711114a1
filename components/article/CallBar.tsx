import { center } from "@/content/center";
import { admissionsHoursLine, afterHoursLine } from "@/lib/center/format";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import { PhoneLink } from "@/components/PhoneLink";

/**
 * The call bar of article pages on a phone: the call link, the admissions hours and what happens at other times, all
 * from the center config, one short line each. No script: CSS keeps it at the bottom of the screen while the reader is
 * in the article (position: sticky, so it takes its own room at the article's end and never hides the last lines), and
 * the page's scroll padding keeps a focused element clear of it. Where the screen is narrow or the text large (320 px,
 * text at 200%), it is an ordinary block at the article's end instead; it is hidden from md up and in print
 * (app/globals.css, "Call bar"). The page that renders it marks its own element with `call-bar-host` (whose width
 * decides), and puts the bar last in a `call-bar-track` that starts where the bar may first show: a sticky element
 * never leaves its parent, so on the first screen, where the header's call button is, the bar stays out of the way.
 */
export function CallBar({ locale }: { locale: Locale }) {
  const t = strings(locale);
  const phone = center.phones.admissions;
  return (
    <section aria-label={t.callBar.label} className="call-bar no-print">
      <p className="call-bar-hours">{t.callBar.hours(admissionsHoursLine(center, locale))}</p>
      <PhoneLink tel={phone.tel} display={phone.display} className="call-bar-call btn-primary text-sm">
        <span>
          {t.callUs} <span className="whitespace-nowrap">{phone.display}</span>
        </span>
      </PhoneLink>
      <p className="call-bar-after">{afterHoursLine(center, locale)}</p>
    </section>
  );
}
