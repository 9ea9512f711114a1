import type { Center } from "./schema";
import type { Locale } from "@/lib/i18n/locales";
import { formatLanguage, formatList, formatTimeZone, formatUsd } from "@/lib/i18n/format";
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

/** Words the center wrote, without a full stop of its own, so a sentence around them ends once. */
const unstop = (text: string) => text.replace(/[.\s]+$/, "");

/**
 * One line of opening hours, e.g. "Monday to Friday: 8:00 a.m. to 6:00 p.m."; compact, "Monday to Friday, 8 a.m. to
 * 6 p.m." (the phone call bar, where each fact gets one short line).
 */
export function formatHours(h: Center["hours"][number], locale: Locale, style: "full" | "compact" = "full"): string {
  const t = strings(locale).center;
  const compact = style === "compact";
  return (compact ? t.hoursCompact : t.hours)(h.days[locale], formatTime(h.open, locale, compact), formatTime(h.close, locale, compact));
}

/**
 * Opening hours with the center's time zone in words, so a reader elsewhere knows when to call: one line per entry,
 * "Monday to Friday: 8:00 a.m. to 8:00 p.m., Central Time" (the zone on each, as each may be read alone).
 */
function hoursInTimeZone(hours: Center["hours"], center: Center, locale: Locale): string[] {
  const zone = formatTimeZone(center.timeZone, locale);
  return hours.map((h) => strings(locale).center.inTimeZone(formatHours(h, locale), zone));
}

/**
 * Admissions hours with the center's time zone, wherever the site shows them (footer, home, contact and thank-you
 * pages, the about page): one line per entry, e.g. "Monday to Friday: 8:00 a.m. to 8:00 p.m., Central Time".
 */
export function admissionsHours(center: Center, locale: Locale): string[] {
  return hoursInTimeZone(center.hours, center, locale);
}

/**
 * Admissions hours in one short line with the time zone once at its end, for the phone call bar: "Monday to Friday,
 * 8 a.m. to 8 p.m.; Saturday, 9 a.m. to 1 p.m. (Central Time)".
 */
export function admissionsHoursLine(center: Center, locale: Locale): string {
  const t = strings(locale).center;
  const hours = center.hours.map((h) => formatHours(h, locale, "compact")).join(t.listSeparator);
  return t.inTimeZoneShort(hours, formatTimeZone(center.timeZone, locale));
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

/**
 * Whether admissions can talk with a reader in the page's own language, truthfully from config (center.languages):
 * staff speak it, or an interpreter is used at no cost, or neither; then, when interpreting is free, other languages.
 */
export function languageHelpSentences(center: Center, locale: Locale): string[] {
  const t = strings(locale).center.languageHelp;
  const { staffSpeak, freeInterpreting } = center.languages;
  const language = formatLanguage(locale, locale);
  const speaks = staffSpeak.some((tag) => tag === locale || tag.startsWith(`${locale}-`));
  return [
    speaks ? t.staffSpeak(language) : freeInterpreting ? t.interpreter(language) : t.noInterpreter(language),
    ...(freeInterpreting ? [t.otherLanguages] : []),
  ];
}

/**
 * The languages staff speak and whether interpreting in others is free, for the about page's facts (the contact
 * and home pages say it for the page's own language: languageHelpSentences).
 */
export function staffLanguagesSentences(center: Center, locale: Locale): string[] {
  const t = strings(locale).center.languageHelp;
  const { staffSpeak, freeInterpreting } = center.languages;
  const names = formatList(
    staffSpeak.map((tag) => formatLanguage(tag, locale)),
    locale,
  );
  return [t.staffLanguages(names), freeInterpreting ? t.otherLanguages : t.noOtherLanguages];
}

/**
 * How a person who is Deaf, hard of hearing or has a speech disability reaches admissions without a voice call, from
 * config (center.accessibleContact): relay (711), a TTY number, a text line; or, with none of them, that there is none
 * yet and the form and email are the way. One sentence per channel, in that order, each with the number or address it names
 * and its link (tel:, sms: or mailto:), so a page can make it tappable.
 */
export function accessibleContact(center: Center, locale: Locale): { text: string; link?: { display: string; href: string } }[] {
  const t = strings(locale).center.accessibleContact;
  const { relay, tty, text } = center.accessibleContact;
  const admissions = center.phones.admissions;
  const sentences = [
    ...(relay ? [{ text: t.relay(admissions.display), link: { display: admissions.display, href: `tel:${admissions.tel}` } }] : []),
    ...(tty ? [{ text: t.tty(tty.display), link: { display: tty.display, href: `tel:${tty.tel}` } }] : []),
    ...(text ? [{ text: t.text(text.display), link: { display: text.display, href: `sms:${text.tel}` } }] : []),
  ];
  return sentences.length ? sentences : [{ text: t.none(center.email), link: { display: center.email, href: `mailto:${center.email}` } }];
}

/** The sentences of accessibleContact, as text. */
export function accessibleContactSentences(center: Center, locale: Locale): string[] {
  return accessibleContact(center, locale).map((s) => s.text);
}

/** Who the program serves: the ages, then the groups it has tracks or trained staff for (when the config names any). */
export function servesSentences(center: Center, locale: Locale): string[] {
  const t = strings(locale).center.serves;
  const { minAge, maxAge, populations } = center.serves;
  return [
    maxAge === null ? t.agesFrom(minAge) : t.agesBetween(minAge, maxAge),
    ...(populations.length
      ? [
          t.populations(
            formatList(
              populations.map((p) => unstop(p[locale])),
              locale,
            ),
          ),
        ]
      : []),
  ];
}

/** The clinical leaders by name, credentials and role, or plainly that none is named yet (never an invented name). */
export function clinicalLeadershipText(center: Center, locale: Locale): string {
  const t = strings(locale).center;
  const people = center.clinicalLeadership.map((p) => t.leader(p.name, p.credentials, unstop(p.role[locale])));
  return people.length ? people.join(t.listSeparator) : t.leadershipNotNamed;
}

/**
 * The inquiry form's language choices. "Another language" promises an interpreter only when the config says the
 * center arranges one at no cost.
 */
export function languageOptionLabels(center: Center, locale: Locale): Record<"en" | "es" | "other", string> {
  const o = strings(locale).inquiry.options;
  return { ...o.language, other: center.languages.freeInterpreting ? o.languageOtherWithInterpreter : o.language.other };
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
      virtual.map((tr) => tr.name[locale]),
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

/** Words the center wrote, ending with one full stop (unless they end with ! or ?), to stand as a sentence. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Everything the center takes, by the names people know: private plans, Medicaid programs, Medicare, TRICARE, VA. */
export function coverageAccepted(center: Center, locale: Locale): string[] {
  const t = strings(locale).answers.cost;
  const p = center.payment;
  return [
    ...p.plansAccepted,
    ...(p.medicaid.accepted ? p.medicaid.programs : []),
    ...(p.medicare ? [t.medicare] : []),
    ...(p.tricare ? [t.tricare] : []),
    ...(p.vaCommunityCare ? [t.vaCommunityCare] : []),
  ];
}

/** One sentence naming every plan and program the center takes (the FAQ's and home page's cost line). */
export function coverageSentence(center: Center, locale: Locale): string {
  const t = strings(locale).answers.cost;
  const names = coverageAccepted(center, locale);
  return names.length ? t.weTake(formatList(names, locale)) : t.takeNone;
}

/** The self-pay price, its unit and what it covers; or, while the center has set no price, to ask admissions. */
export function selfPaySentences(center: Center, locale: Locale, opts: { covers?: boolean } = {}): string[] {
  const t = strings(locale).answers.cost;
  const { priceUsd, per, covers } = center.payment.selfPay;
  if (priceUsd === null) return [t.selfPayAsk];
  const price = t.selfPayPrice(formatUsd(priceUsd, locale), t.per[per]);
  return opts.covers === false ? [price] : [price, t.selfPayCovers(unstop(covers[locale]))];
}

/** Whether a sliding scale can lower the self-pay price. */
export function slidingScaleSentence(center: Center, locale: Locale): string {
  const t = strings(locale).answers.cost;
  return center.payment.slidingScale ? t.slidingScale : t.noSlidingScale;
}

/** Whether admissions checks benefits for free before a first visit, or how a person checks them. */
export function benefitsCheckSentence(center: Center, locale: Locale): string {
  const t = strings(locale).answers.cost;
  return center.payment.freeBenefitsCheck ? t.freeCheck : t.noFreeCheck;
}

/**
 * The rows of the "What it costs here" box, each a label and its sentences: private plans, Medicaid, the federal
 * programs (taken ones first, then those not taken), and self-pay with the sliding scale.
 */
export function paymentRows(center: Center, locale: Locale): { label: string; sentences: string[] }[] {
  const t = strings(locale).answers.cost;
  const p = center.payment;
  const federal = [
    { name: t.medicare, taken: p.medicare },
    { name: t.tricare, taken: p.tricare },
    { name: t.vaCommunityCare, taken: p.vaCommunityCare },
  ];
  const taken = federal.filter((f) => f.taken).map((f) => f.name);
  const notTaken = federal.filter((f) => !f.taken).map((f) => f.name);
  return [
    { label: t.privatePlans, sentences: [p.plansAccepted.length ? t.plansIn(formatList(p.plansAccepted, locale)) : t.plansNone] },
    {
      label: t.medicaid,
      sentences: [p.medicaid.accepted ? t.weTake(formatList(p.medicaid.programs, locale)) : t.weDoNotTake(t.medicaid)],
    },
    {
      label: t.otherCoverage,
      sentences: [
        ...(taken.length ? [t.weTake(formatList(taken, locale))] : []),
        ...(notTaken.length ? [t.weDoNotTake(formatList(notTaken, locale, "disjunction"))] : []),
      ],
    },
    { label: t.selfPay, sentences: [...selfPaySentences(center, locale), slidingScaleSentence(center, locale)] },
  ];
}

/** The short cost answer of the FAQ: what the center takes, the self-pay price, the sliding scale and the benefits check. */
export function costSummarySentences(center: Center, locale: Locale): string[] {
  return [
    coverageSentence(center, locale),
    ...selfPaySentences(center, locale, { covers: false }),
    ...(center.payment.slidingScale ? [slidingScaleSentence(center, locale)] : []),
    ...(center.payment.freeBenefitsCheck ? [benefitsCheckSentence(center, locale)] : []),
  ];
}

/** Referral hours with the center's time zone in words: "Monday to Friday: 8:00 a.m. to 5:00 p.m., Central Time". */
export function referralHours(center: Center, locale: Locale): string[] {
  return hoursInTimeZone(center.referrals.hours, center, locale);
}

/** How long a complete referral usually takes to reach an assessment, in business days. */
export function assessmentTimeSentence(center: Center, locale: Locale): string {
  return strings(locale).answers.referrals.businessDays(center.referrals.businessDaysToAssessment);
}
