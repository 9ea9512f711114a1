import * as z from "zod/mini";
import { inquiryText } from "@/lib/i18n/inquiry.en";

/**
 * The inquiry: the single source of truth for the form in the browser and the route on the server.
 * zod/mini keeps the browser's copy small. It collects only what intake needs: no date of birth, member IDs,
 * diagnoses or substances.
 */
const e = inquiryText.errors;

export const roles = ["self", "loved-one", "professional"] as const;
export const contactMethods = ["phone", "text", "email"] as const;
export const bestTimes = ["any", "morning", "afternoon", "evening"] as const;
export const languages = ["en", "es", "other"] as const;

const SINGLE_LINE = /^[^\r\n\u0000-\u001f\u007f\u2028\u2029]*$/;
/** Control characters other than tab and line breaks never belong in a message. */
const MULTI_LINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

const singleLine = (max: number, tooLong: string) => z.string().check(z.regex(SINGLE_LINE, e.singleLine), z.trim(), z.maxLength(max, tooLong));
const optionalSingleLine = (max: number, tooLong: string) => z.optional(singleLine(max, tooLong));

/** A North American number with 10 digits (optionally a leading 1), in any common punctuation. */
const phone = z.string().check(
  z.trim(),
  z.maxLength(32, e.phone),
  // A plain space, not \s: \s would let line breaks, tabs and U+2028 into a field shown on one line.
  z.regex(/^\+?[\d ().-]*$/, e.phone),
  z.refine((v) => v === "" || /^1?\d{10}$/.test(v.replace(/\D/g, "")), e.phone),
);

/** Something that looks like a member or group ID: a run of 6+ characters with several digits. */
const looksLikeMemberId = (v: string) => /\b(?=[A-Za-z0-9-]*\d[A-Za-z0-9-]*\d[A-Za-z0-9-]*\d)[A-Za-z0-9-]{6,}\b/.test(v);

/** Cross-field rules run whenever the input is an object (not only when every field is valid), never on null. */
const isObject = (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null;

export const inquirySchema = z
  .object({
    role: z.enum(roles, { error: e.role }),
    name: singleLine(80, e.nameLong).check(z.minLength(1, e.name)),
    organization: optionalSingleLine(120, e.organizationLong),
    phone: z.optional(phone),
    email: z.optional(
      z.string().check(
        z.trim(),
        z.maxLength(254, e.email),
        z.refine((v) => v === "" || z.email().safeParse(v).success, e.email),
      ),
    ),
    contactMethod: z.enum(contactMethods, { error: e.contactMethod }),
    bestTime: z.enum(bestTimes, { error: e.bestTime }),
    voicemailOk: z.boolean(),
    textOk: z.boolean(),
    language: z.enum(languages, { error: e.language }),
    // The member-ID pattern is quadratic on long input: only run it on values short enough to be accepted.
    insurance: z.optional(singleLine(80, e.insuranceLong).check(z.refine((v) => v.length > 80 || !looksLikeMemberId(v), e.insurance))),
    message: z.optional(z.string().check(z.regex(MULTI_LINE, e.message), z.trim(), z.maxLength(1000, e.message))),
    consent: z.literal(true, { error: e.consent }),
  })
  .check(
    // Cross-field rules run even when another field is wrong, so a person sees every problem at once.
    z.refine((v) => !!(str(v.phone) || str(v.email)), { path: ["phone"], message: e.reach, when: isObject }),
    z.refine((v) => !(v.contactMethod === "phone" || v.contactMethod === "text") || !str(v.email) || !!str(v.phone), {
      path: ["phone"],
      message: e.needPhone,
      when: isObject,
    }),
    z.refine((v) => v.contactMethod !== "email" || !str(v.phone) || !!str(v.email), { path: ["email"], message: e.needEmail, when: isObject }),
    z.refine((v) => v.contactMethod !== "text" || v.textOk === true, { path: ["textOk"], message: e.needTextOk, when: isObject }),
    z.refine((v) => v.role !== "professional" || !!str(v.organization), { path: ["organization"], message: e.organization, when: isObject }),
  );

function str(v: unknown): string {
  return typeof v === "string" ? v.trim() : "";
}

export type Inquiry = z.infer<typeof inquirySchema>;
export type InquiryField = keyof Inquiry;
export const inquiryFields = Object.keys(inquirySchema.def.shape) as InquiryField[];

/** The honeypot: hidden from people, tempting to bots. Not part of the inquiry. */
export const HONEYPOT_FIELD = "website";

export type FieldErrors = Partial<Record<InquiryField, string>>;

export type Validation = { ok: true; inquiry: Inquiry } | { ok: false; errors: FieldErrors };

/** Validates raw input (from a form or JSON) into an inquiry, or one message per wrong field. */
export function validateInquiry(input: unknown): Validation {
  const result = inquirySchema.safeParse(input);
  if (result.success) {
    const inquiry = { ...result.data };
    // Empty optional strings become absent, so stored data and emails never carry blanks.
    for (const k of ["organization", "phone", "email", "insurance", "message"] as const) if (inquiry[k] === "") delete inquiry[k];
    return { ok: true, inquiry };
  }
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as InquiryField | undefined;
    if (field && inquiryFields.includes(field) && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

/**
 * Turns form fields (strings; checkboxes present only when ticked) into the schema's input shape.
 * Used by the browser on its FormData and by the server on a urlencoded or multipart body.
 */
export function fromFormFields(get: (name: string) => string | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of inquiryFields) {
    const v = get(f);
    if (f === "voicemailOk" || f === "textOk" || f === "consent") out[f] = v !== null && v !== "" && v !== "false";
    else if (v !== null) out[f] = v;
  }
  return out;
}

/** Form values to keep in the form when it is shown again: only known fields, as strings. */
export function formValues(get: (name: string) => string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of inquiryFields) {
    const v = get(f);
    if (v !== null) out[f] = v.slice(0, 2000);
  }
  return out;
}
