import { z } from "zod";
import { locales } from "@/lib/i18n/locales";

/**
 * The shape of the center's identity. The values live in content/center.ts; this file only says what a
 * valid identity is, so that a typo in a phone number or a missing license line fails the build.
 */
const phoneDigits = /^\+?1?[-. (]*\d{3}[-. )]*\d{3}[-. ]*\d{4}$/;

const phoneSchema = z.object({
  /** What a person sees, e.g. "(555) 010-0100". */
  display: z.string().regex(phoneDigits, "must be a 10-digit North American phone number"),
  /** What a tel: link dials, E.164, e.g. "+15550100100". */
  tel: z.string().regex(/^\+1\d{10}$/, "must be E.164 like +15550100100"),
});

export const weekDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
const dayOfWeek = z.enum(weekDays);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (24-hour)");
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
/** Days in week order, each once: the week diagram and the schedule sentence read them as given. */
const daysInOrder = z
  .array(dayOfWeek)
  .min(1)
  .refine((days) => days.every((d, i) => i === 0 || weekDays.indexOf(d) > weekDays.indexOf(days[i - 1])), "must list each day once, Monday first");

/**
 * Words the center writes itself, once per locale the site serves: adding a locale to lib/i18n/locales.ts makes
 * its text required here, so no page can fall back to another language.
 */
const localizedText = z.object(Object.fromEntries(locales.map((l) => [l, z.string().trim().min(2)])) as Record<(typeof locales)[number], z.ZodString>).strict();

const hoursSchema = z.object({
  /** The days as a person reads them, per locale: { en: "Monday to Friday", es: "lunes a viernes" }. */
  days: localizedText,
  open: clockTime,
  close: clockTime,
  /** schema.org dayOfWeek names for structured data. */
  dayOfWeek: daysInOrder,
});

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** How people pay: what the cost page's "What it costs here" box, the FAQ and the home page say. */
const paymentSchema = z
  .object({
    /** Commercial plans and networks the center is in network with, by the name people know them by. */
    plansAccepted: z.array(z.string().min(2)),
    medicaid: z.object({ accepted: z.boolean(), programs: z.array(z.string().min(2)) }).strict(),
    medicare: z.boolean(),
    tricare: z.boolean(),
    vaCommunityCare: z.boolean(),
    /** The self-pay price in whole US dollars, per unit, and what it covers; null while the center has not set one. */
    selfPay: z.object({ priceUsd: z.number().int().min(0).nullable(), per: z.enum(["week", "program", "session"]), covers: localizedText }).strict(),
    slidingScale: z.boolean(),
    /** Whether admissions checks someone's benefits for free before a first visit. */
    freeBenefitsCheck: z.boolean(),
  })
  .strict()
  .refine((p) => !p.medicaid.accepted || p.medicaid.programs.length > 0, {
    path: ["medicaid", "programs"],
    message: "must name the Medicaid program(s) when Medicaid is accepted",
  });

/** Ways to reach admissions beside a voice call, for people who are Deaf, hard of hearing or cannot talk freely. */
const accessibleContactSchema = z
  .object({
    tty: phoneSchema.optional(),
    /** The center takes calls through a relay service (711). */
    relay: z.boolean(),
    /** A line that takes text messages. */
    text: phoneSchema.optional(),
  })
  .strict();

/** What a referring clinician needs at the top of the page for professionals. */
const referralsSchema = z
  .object({
    phone: phoneSchema,
    /** A fax line the center keeps secure for records (Part 2 records never go by the web form). */
    secureFax: phoneSchema,
    hours: z.array(hoursSchema).min(1),
    /** Business days from a complete referral to the assessment, usually. */
    businessDaysToAssessment: z.number().int().min(0).max(30),
    whatToSend: z.array(localizedText).min(1),
    /** How records travel safely: the channels and the consent they need. */
    howRecordsTravel: localizedText,
  })
  .strict();

/** What the center offers families. */
const familyOfferingSchema = z
  .object({
    name: localizedText,
    description: localizedText,
    /** Open to families whose loved one is not (or not yet) a patient here. */
    openToNonPatientFamilies: z.boolean(),
  })
  .strict();

/** A person named on the site. Never invented: the lists stay empty until the center names real people. */
const personSchema = z.object({ name: z.string().min(3), credentials: z.string().min(2), role: localizedText }).strict();
const reviewerSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lowercase id like jane-doe"),
    name: z.string().min(3),
    credentials: z.string().min(2),
    /**
     * The site languages this person reads well enough to review pages in (English unless listed): an article names
     * only a reviewer of its own language, and the launch check lists each language with no reviewer.
     */
    languages: z.array(z.enum(locales)).min(1).default(["en"]),
  })
  .strict();

/** Medications for substance use disorders that an IOP may prescribe or coordinate. */
export const medications = ["buprenorphine", "methadone", "naltrexone", "acamprosate", "disulfiram"] as const;
const medication = z.enum(medications);

/**
 * A program track as data: the week diagram, the schedule sentence and the hours all come from these fields,
 * never from a sentence parsed back.
 */
const trackSchema = z
  .object({
    /** The track's name per locale: { en: "Evening track", es: "Turno de la tarde" }. */
    name: localizedText,
    days: daysInOrder,
    start: clockTime,
    end: clockTime,
    /** Treatment hours a week (ASAM Level 2.1: 9 to 19 for adults). May be less than clock time, for breaks. */
    hoursPerWeek: z.number().min(6).max(19),
    /** Where sessions happen. "virtual" and "hybrid" tracks need telehealth.regions. */
    format: z.enum(["in-person", "virtual", "hybrid"]),
  })
  .strict()
  .refine((t) => minutesOf(t.end) > minutesOf(t.start), { path: ["end"], message: "must be after start" })
  // Judged only for a track that ends after it starts, so one mistake gives one message.
  .refine((t) => minutesOf(t.end) <= minutesOf(t.start) || t.hoursPerWeek * 60 <= t.days.length * (minutesOf(t.end) - minutesOf(t.start)), {
    path: ["hoursPerWeek"],
    message: "is more than the track's days and times allow",
  });

const centerSchema = z
  .object({
    name: z.string().min(2).max(80),
    legalName: z.string().min(2).max(120),
    /** True while the identity is the shipped placeholder: the site then says so in the footer. */
    isPlaceholder: z.boolean(),
    siteUrl: z.url({ protocol: /^https?$/ }),
    phones: z.object({
      admissions: phoneSchema,
      main: phoneSchema,
      fax: phoneSchema.optional(),
    }),
    email: z.email(),
    address: z.object({
      street: z.string().min(3),
      city: z.string().min(2),
      region: z.string().length(2, "must be a two-letter state code"),
      postalCode: z.string().regex(/^\d{5}(-\d{4})?$/, "must be a US ZIP code"),
      country: z.literal("US"),
    }),
    hours: z.array(hoursSchema).min(1),
    /** The IANA time zone the hours are in, e.g. "America/Chicago". */
    timeZone: z.string().refine(isTimeZone, "must be an IANA time zone such as America/Chicago"),
    accessibleContact: accessibleContactSchema,
    payment: paymentSchema,
    referrals: referralsSchema,
    families: z.array(familyOfferingSchema),
    /** Who the program serves: ages (maxAge null for no upper limit) and the groups it has tracks or skills for. */
    serves: z
      .object({ minAge: z.number().int().min(12).max(99), maxAge: z.number().int().min(12).max(120).nullable(), populations: z.array(localizedText) })
      .strict()
      .refine((s) => s.maxAge === null || s.maxAge >= s.minAge, { path: ["maxAge"], message: "must not be below minAge" }),
    /** Languages staff speak (BCP 47 tags, e.g. "en", "es"), and whether interpreting in other languages is free. */
    languages: z
      .object({ staffSpeak: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "must be a language tag like es")).min(1), freeInterpreting: z.boolean() })
      .strict(),
    clinicalLeadership: z.array(personSchema),
    /** The clinicians who review articles, listed once; an article's frontmatter names its reviewer by id. */
    reviewers: z.array(reviewerSchema),
    /** Program tracks people can choose, shown on admissions pages. */
    tracks: z.array(trackSchema).min(1),
    /** Who answers an admissions call during admissions hours: the center's own staff, or an answering service. */
    admissionsAnsweredBy: z.enum(["center-staff", "answering-service"]),
    /** What happens when someone calls admissions outside its hours. */
    afterHours: z
      .object({
        /** Who or what answers: a voicemail box, an answering service that takes messages, or an on-call clinician. */
        handling: z.enum(["voicemail", "answering-service", "on-call-clinician"]),
        /** How soon admissions returns a message left outside hours, in business hours. */
        returnCallBusinessHours: z.number().int().min(1).max(72),
      })
      .strict(),
    /** Where a person must be during virtual sessions (two-letter state codes); clinicians may treat only where licensed. */
    telehealth: z.object({ regions: z.array(z.string().length(2, "must be a two-letter state code")) }).strict(),
    serviceArea: localizedText,
    /** Each license as the center names it, per locale (an official name may read the same in every locale). */
    licenses: z.array(localizedText).min(1),
    accreditation: z.array(localizedText),
    /**
     * Medications for substance use disorders: those prescribed here, and named partners who prescribe or dispense
     * the rest. Methadone for opioid use disorder comes only from a certified opioid treatment program.
     */
    medications: z
      .object({
        onSite: z.array(medication),
        /** True only for a federally certified opioid treatment program (OTP), the one place methadone for OUD is given. */
        isOpioidTreatmentProgram: z.boolean(),
        partners: z.array(z.object({ name: z.string().min(3), offers: z.array(medication).min(1) }).strict()),
      })
      .strict()
      .refine((m) => m.isOpioidTreatmentProgram || !m.onSite.includes("methadone"), {
        path: ["onSite"],
        message: "methadone for opioid use disorder is given only by an opioid treatment program (set isOpioidTreatmentProgram)",
      })
      .refine(
        (m) =>
          ["buprenorphine", "methadone", "naltrexone"].every((x) => m.onSite.includes(x as never) || m.partners.some((p) => p.offers.includes(x as never))),
        {
          path: ["partners"],
          message: "each medication for opioid use disorder (buprenorphine, methadone, naltrexone) must be offered on site or by a named partner",
        },
      ),
    /** The center's drug-testing practice, as it is. */
    drugTesting: z
      .object({
        tests: z.boolean(),
        samples: z.array(z.enum(["urine", "oral-fluid", "breath"])),
        /** When: on a schedule, at random, or only when the care team has a clinical reason. */
        timing: z.enum(["scheduled", "random", "when-clinically-needed"]),
        /** Whether a positive result alone can end someone's place in the program. */
        positiveResultEndsCare: z.boolean(),
      })
      .strict()
      .refine((d) => !d.tests || d.samples.length > 0, { path: ["samples"], message: "must name at least one sample when tests is true" }),
    /** How soon intake answers a web inquiry, in business hours. */
    responseTimeBusinessHours: z.number().int().min(1).max(72),
    /** How long a delivered inquiry is kept before it is purged, in days (mirrors the privacy notice). */
    inquiryRetentionDays: z.number().int().min(1).max(3650),
    /**
     * The private self-check on drinking (/self-check; docs/decisions/0006-self-check-instruments.md). The USAUDIT's
     * guide lets practitioners use it "in clinical settings"; set usauditLicenseConfirmed to true only once SAMHSA or
     * the authors have confirmed in writing that a public web page may carry it. Until then the page offers no scored
     * check and `npm run launch-check` lists the decision.
     */
    selfCheck: z.object({ usauditLicenseConfirmed: z.boolean() }).strict(),
  })
  .strict()
  .refine((c) => new Set(c.reviewers.map((r) => r.id)).size === c.reviewers.length, { path: ["reviewers"], message: "ids must be unique" })
  .refine((c) => c.tracks.every((t) => t.format === "in-person") || c.telehealth.regions.length > 0, {
    path: ["telehealth", "regions"],
    message: "must name at least one state when a track is virtual or hybrid",
  });

export type Center = z.infer<typeof centerSchema>;

/** Parses a center config, throwing one message that names every wrong field. */
export function parseCenter(input: unknown, source = "content/center.ts"): Center {
  const result = centerSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`Invalid center configuration in ${source}:\n${lines.join("\n")}`);
  }
  return result.data;
}
