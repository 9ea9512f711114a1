import type { Center } from "./schema";
import type { Locale } from "@/lib/i18n/locales";
import { formatList } from "@/lib/i18n/format";
import { strings } from "@/lib/i18n/strings";
import { crisisLines } from "@/lib/site/crisis";

type Track = Center["tracks"][number];

/**
 * "08:00" → "8:00 a.m." in the plain style AP and US health sites use (the suffixes come from the dictionary);
 * compact drops ":00" from a whole hour ("8 a.m."), for the places that have one short line.
 */
function formatTime(hhmm: string, locale: Locale, compact = false): string {
  const t = strings(locale).center;
  const [h, m] = hhmm.split(":").map(Number);
  const suffix = h < 12 ? t.am : t.pm;
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return compact && m === 0 ? `${h12} ${suffix}` : `${h12}:${String(m).padStart(2, "0")} ${suffix}`;
}

/**
 * One line of opening hours, e.g. "Monday to Friday: 8:00 a.m. to 6:00 p.m."; compact, "Monday to Friday, 8 a.m. to
 * 6 p.m." (the phone call bar, where each fact gets one short line).
 */
export function formatHours(h: Center["hours"][number], locale: Locale, style: "full" | "compact" = "full"): string {
  const t = strings(locale).center;
  const compact = style === "compact";
  return (compact ? t.hoursCompact : t.hours)(h.days, formatTime(h.open, locale, compact), formatTime(h.close, locale, compact));
}

/** "Monday, Tuesday and Thursday, 6:00 p.m. to 9:00 p.m.", from the track's days and times. */
export function trackSchedule(track: Track, locale: Locale): string {
  const t = strings(locale).center;
  return t.schedule(
    formatList(
      track.days.map((d) => t.weekDays[d]),
      locale,
    ),
    formatTime(track.start, locale),
    formatTime(track.end, locale),
  );
}

/** A track's schedule, hours a week and format, the words after its name wherever tracks are listed. */
export function trackSummary(track: Track, locale: Locale): string {
  const t = strings(locale).center;
  return t.track(trackSchedule(track, locale), track.hoursPerWeek, t.trackFormat[track.format]);
}

/** The sentences that say which medications are prescribed here and which partner gives the others. */
export function medicationSentences(center: Center, locale: Locale): string[] {
  const t = strings(locale).center;
  const names = (list: readonly Center["medications"]["onSite"][number][]) =>
    formatList(
      list.map((m) => t.medicationNames[m]),
      locale,
    );
  const { onSite, partners } = center.medications;
  return [
    onSite.length ? t.medicationsOnSite(center.name, names(onSite)) : t.medicationsNoneOnSite(center.name),
    ...partners.map((p) => {
      // A partner is named for what it adds; one that only duplicates on-site care is named for all it offers.
      const adds = p.offers.filter((m) => !onSite.includes(m));
      return t.medicationPartner(p.name, names(adds.length ? adds : p.offers));
    }),
  ];
}

/** What happens on a call outside admissions hours, and where to turn for help now. */
export function afterHoursSentences(center: Center, locale: Locale): string[] {
  const t = strings(locale).center;
  return [
    t.afterHours[center.afterHours.handling](center.afterHours.returnCallBusinessHours),
    t.afterHoursHelpNow(crisisLines.lifeline.display, crisisLines.emergency.display),
  ];
}

/** What happens on a call outside admissions hours, in one short line (the phone call bar; the full story is afterHoursSentences). */
export function afterHoursLine(center: Center, locale: Locale): string {
  return strings(locale).center.afterHoursShort[center.afterHours.handling](center.afterHours.returnCallBusinessHours);
}

/** Which tracks meet by video and where a person must be during them; or that the program is in person only. */
export function virtualSentence(center: Center, locale: Locale): string {
  const t = strings(locale).center;
  const virtual = center.tracks.filter((tr) => tr.format !== "in-person");
  if (virtual.length === 0) return t.noVirtualTracks(center.name);
  return t.virtualTracks(
    formatList(
      virtual.map((tr) => tr.name),
      locale,
    ),
    formatList(center.telehealth.regions, locale, "disjunction"),
  );
}

/** The center's drug-testing practice in plain words. */
export function drugTestingSentences(center: Center, locale: Locale): string[] {
  const t = strings(locale).center.drugTesting;
  const d = center.drugTesting;
  if (!d.tests) return [t.none(center.name)];
  return [
    t.tests(
      center.name,
      formatList(
        d.samples.map((s) => t.samples[s]),
        locale,
        "disjunction",
      ),
      t.timing[d.timing],
    ),
    d.positiveResultEndsCare ? t.positiveMayEndCare : t.positiveKeepsCare,
  ];
}

/** Hours in the shortest business day (Monday to Friday) admissions is open: the slowest day an answer can take. */
function shortestBusinessDayHours(center: Center): number {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  const weekdays = center.hours.filter((h) => h.dayOfWeek.some((d) => d !== "Saturday" && d !== "Sunday"));
  return Math.min(...(weekdays.length ? weekdays : center.hours).map((h) => (minutes(h.close) - minutes(h.open)) / 60));
}

/**
 * When an inquiry is answered, in words a person plans by: "by the end of the next business day" when the
 * promise fits in one day of admissions hours, else a count of business days, rounded up (never sooner than
 * the config promises).
 */
export function responseTimePhrase(center: Center, locale: Locale): string {
  const t = strings(locale).center.responseBy;
  const days = Math.ceil(center.responseTimeBusinessHours / shortestBusinessDayHours(center));
  return days <= 1 ? t.nextBusinessDay : t.withinBusinessDays(days);
}
