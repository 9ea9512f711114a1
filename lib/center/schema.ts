import { z } from "zod";

/**
 * The shape of the center's identity. The values live in content/center.ts; this file only says what a
 * valid identity is, so that a typo in a phone number or a missing licence line fails the build.
 */
const phoneDigits = /^\+?1?[-. (]*\d{3}[-. )]*\d{3}[-. ]*\d{4}$/;

const phoneSchema = z.object({
  /** What a person sees, e.g. "(555) 010-0100". */
  display: z.string().regex(phoneDigits, "must be a 10-digit North American phone number"),
  /** What a tel: link dials, E.164, e.g. "+15550100100". */
  tel: z.string().regex(/^\+1\d{10}$/, "must be E.164 like +15550100100"),
});

const hoursSchema = z.object({
  days: z.string().min(3),
  open: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (24-hour)"),
  close: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM (24-hour)"),
  /** schema.org dayOfWeek names for structured data. */
  dayOfWeek: z.array(z.enum(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])).min(1),
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
    /** Program tracks people can choose, shown on admissions pages. */
    tracks: z.array(z.object({ name: z.string().min(2), schedule: z.string().min(5), hoursPerWeek: z.number().min(6).max(19) })).min(1),
    serviceArea: z.string().min(3),
    licences: z.array(z.string().min(5)).min(1),
    accreditation: z.array(z.string().min(5)),
    /** Whether medications for opioid use disorder are offered on site or coordinated with partners. */
    moud: z.enum(["on-site", "by-referral"]),
    /** How soon intake answers a web inquiry, in business hours. */
    responseTimeBusinessHours: z.number().int().min(1).max(72),
    /** How long a delivered inquiry is kept before it is purged, in days (mirrors the privacy notice). */
    inquiryRetentionDays: z.number().int().min(1).max(3650),
  })
  .strict();

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
