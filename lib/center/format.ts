import type { Center } from "./schema";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";

/** "08:00" → "8:00 a.m." in the plain style AP and US health sites use (the suffixes come from the dictionary). */
function formatTime(hhmm: string, locale: Locale): string {
  const t = strings(locale).center;
  const [h, m] = hhmm.split(":").map(Number);
  const suffix = h < 12 ? t.am : t.pm;
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${String(m).padStart(2, "0")} ${suffix}`;
}

/** One line of opening hours, e.g. "Monday to Friday: 8:00 a.m. to 6:00 p.m.". */
export function formatHours(h: Center["hours"][number], locale: Locale): string {
  return strings(locale).center.hours(h.days, formatTime(h.open, locale), formatTime(h.close, locale));
}
