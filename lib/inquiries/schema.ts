import * as z from "zod/mini";
import { looksLikePatientIdentifier } from "./patient-identifiers";

/**
 * The inquiry: the single source of truth for the form in the browser and the route on the server.
 * zod/mini keeps the browser's copy small. It collects only what intake needs: no date of birth, member IDs,
 * diagnoses or substances.
 *
 * The schema carries no words. A failed check yields, per field, a stable issue code (below); the dictionary of
 * each locale (lib/i18n, `inquiry.errors`) maps (field, code) to the message a person reads.
 */
export const roles = ["self", "loved-one", "professional"] as const;
/** "Text message" comes last, so the permission to text can follow it directly (InquiryFields.tsx). */
export const contactMethods = ["phone", "email", "text"] as const;
export const bestTimes = ["any", "morning", "afternoon", "evening"] as const;
export const languages = ["en", "es", "other"] as const;

/**
 * Why a field was refused. `required`: absent, empty, or not one of the offered choices when nothing was given;
 * `invalid`: a value of the right type in the wrong format; `wrong_type`: not a string (a checkbox: not a boolean),
 * e.g. a number, an object or an array in JSON, or a checkbox sent with a value the form never sends;
 * `control_chars`: invisible C1 or text-direction controls; the rest name one rule each.
 */
export type IssueCode =
  | "required"
  | "invalid"
  | "wrong_type"
  | "too_long"
  | "single_line"
  | "control_chars"
  | "member_id"
  | "need_contact"
  | "need_phone"
  | "need_email"
  | "need_text_ok"
  | "need_organization"
  | "patient_identifiers";

/** Every code each field can produce: the dictionary must hold a message for each pair (checked by type and by test). */
export const fieldIssueCodes = {
  role: ["required", "invalid", "wrong_type"],
  name: ["required", "invalid", "wrong_type", "too_long", "single_line", "control_chars"],
  organization: ["invalid", "wrong_type", "too_long", "single_line", "control_chars", "need_organization"],
  phone: ["invalid", "wrong_type", "too_long", "control_chars", "need_contact", "need_phone"],
  email: ["invalid", "wrong_type", "too_long", "control_chars", "need_email"],
  contactMethod: ["required", "invalid", "wrong_type"],
  bestTime: ["required", "invalid", "wrong_type"],
  voicemailOk: ["required", "invalid", "wrong_type"],
  textOk: ["required", "invalid", "wrong_type", "need_text_ok"],
  language: ["required", "invalid", "wrong_type"],
  insurance: ["invalid", "wrong_type", "too_long", "single_line", "control_chars", "member_id"],
  message: ["invalid", "wrong_type", "too_long", "control_chars", "patient_identifiers"],
  consent: ["required", "invalid", "wrong_type"],
} as const satisfies Record<string, readonly IssueCode[]>;

/**
 * The messages of one locale: one per (field, code) the schema can produce. The refusal of patient identifiers says
 * where records go instead, so it is a sentence built from the center's secure fax and referral line (RecordsRoute).
 */
export type IssueMessages = {
  readonly [F in keyof typeof fieldIssueCodes]: {
    readonly [C in (typeof fieldIssueCodes)[F][number]]: C extends "patient_identifiers" ? (fax?: string, line?: string) => string : string;
  };
};

/**
 * Where a professional sends patient records instead of the form: the center's secure fax and referral line as
 * people read them (center.referrals in content/center.ts). The server reads them from the config; the browser from
 * the form's data attributes, which the server rendered from the same config.
 */
export interface RecordsRoute {
  fax?: string;
  line?: string;
}

/** A refinement's issue code travels in zod's `params`. */
const code = (c: IssueCode) => ({ params: { code: c } });

const SINGLE_LINE = /^[^\r\n\u0000-\u001f\u007f\u2028\u2029]*$/;
/**
 * Invisible characters no single-line field needs: C1 controls (U+0080–U+009F; U+0085 NEL is a line break to some
 * mail readers) and every bidirectional control (LRM/RLM U+200E/U+200F, embeddings and overrides U+202A–U+202E,
 * isolates U+2066–U+2069), which can make a name or an address read differently from what it is.
 */
const NO_HIDDEN_CONTROLS = /^[^\u0080-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/;
/**
 * In a message, C0 controls other than tab and line breaks, DEL and C1 controls never belong; nor do the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can reorder what staff read. The
 * marks LRM and RLM (U+200E, U+200F) stay allowed here: right-to-left keyboards insert them in ordinary mixed
 * text, and they cannot reverse a run of text.
 */
const MULTI_LINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/;

const noHiddenControls = () => z.refine<string>((v) => NO_HIDDEN_CONTROLS.test(v), code("control_chars"));

const singleLine = (max: number) =>
  z.string().check(
    z.refine((v) => SINGLE_LINE.test(v), code("single_line")),
    noHiddenControls(),
    z.trim(),
    z.maxLength(max),
  );
const optionalSingleLine = (max: number) => z.optional(singleLine(max));

/** A North American number with 10 digits (optionally a leading 1), in any common punctuation. */
const phone = z.string().check(
  noHiddenControls(),
  z.trim(),
  z.maxLength(32),
  // A plain space, not \s: \s would let line breaks, tabs and U+2028 into a field shown on one line.
  z.refine((v) => /^\+?[\d ().-]*$/.test(v), code("invalid")),
  z.refine((v) => v === "" || /^1?\d{10}$/.test(v.replace(/\D/g, "")), code("invalid")),
);

/** Something that looks like a member or group ID: a run of 6+ characters with several digits. */
const looksLikeMemberId = (v: string) => /\b(?=[A-Za-z0-9-]*\d[A-Za-z0-9-]*\d[A-Za-z0-9-]*\d)[A-Za-z0-9-]{6,}\b/.test(v);

/** Cross-field rules run whenever the input is an object (not only when every field is valid), never on null. */
const isObject = (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null;

export const inquirySchema = z
  .object({
    role: z.enum(roles),
    name: singleLine(80).check(z.minLength(1)),
    organization: optionalSingleLine(120),
    phone: z.optional(phone),
    email: z.optional(
      z.string().check(
        noHiddenControls(),
        z.trim(),
        z.maxLength(254),
        z.refine((v) => v === "" || z.email().safeParse(v).success, code("invalid")),
        // RFC 5321 §4.5.3.1.1: a local part is at most 64 octets (ASCII only here, so characters).
        z.refine((v) => v.lastIndexOf("@") <= 64, code("invalid")),
      ),
    ),
    contactMethod: z.enum(contactMethods),
    bestTime: z.enum(bestTimes),
    voicemailOk: z.boolean(),
    textOk: z.boolean(),
    language: z.enum(languages),
    // The member-ID pattern is quadratic on long input: only run it on values short enough to be accepted.
    insurance: z.optional(singleLine(80).check(z.refine((v) => v.length > 80 || !looksLikeMemberId(v), code("member_id")))),
    message: z.optional(
      z.string().check(
        z.refine((v) => MULTI_LINE.test(v), code("control_chars")),
        z.trim(),
        z.maxLength(1000),
      ),
    ),
    consent: z.literal(true),
  })
  .check(
    // Cross-field rules run even when another field is wrong, so a person sees every problem at once.
    z.refine((v) => !!(str(v.phone) || str(v.email)), { path: ["phone"], when: isObject, ...code("need_contact") }),
    z.refine((v) => !(v.contactMethod === "phone" || v.contactMethod === "text") || !str(v.email) || !!str(v.phone), {
      path: ["phone"],
      when: isObject,
      ...code("need_phone"),
    }),
    z.refine((v) => v.contactMethod !== "email" || !str(v.phone) || !!str(v.email), { path: ["email"], when: isObject, ...code("need_email") }),
    z.refine((v) => v.contactMethod !== "text" || v.textOk === true, { path: ["textOk"], when: isObject, ...code("need_text_ok") }),
    z.refine((v) => v.role !== "professional" || !!str(v.organization), { path: ["organization"], when: isObject, ...code("need_organization") }),
    // A referral is not a channel for records. Over-long messages are refused for their length alone.
    z.refine((v) => v.role !== "professional" || typeof v.message !== "string" || v.message.length > 1000 || !looksLikePatientIdentifier(v.message), {
      path: ["message"],
      when: isObject,
      ...code("patient_identifiers"),
    }),
  );

function str(v: unknown): string {
  return typeof v === "string" ? v.trim() : "";
}

export type Inquiry = z.infer<typeof inquirySchema>;
export type InquiryField = keyof Inquiry;
export const inquiryFields = Object.keys(inquirySchema.def.shape) as InquiryField[];

/** The honeypot: hidden from people, tempting to bots. Not part of the inquiry. */
export const HONEYPOT_FIELD = "website";

/**
 * A hidden field naming the edition of the site the form is on ("en", "es"). Not part of the inquiry: the route
 * answers in that language and stores it beside the inquiry, so staff mail can say where the person wrote from.
 */
export const SITE_LOCALE_FIELD = "siteLocale";

/** One issue code per wrong field (the first problem found in it). */
export type FieldIssues = Partial<Record<InquiryField, IssueCode>>;
/** One message per wrong field, in the words of one locale. */
export type FieldErrors = Partial<Record<InquiryField, string>>;

export type Check = { ok: true; inquiry: Inquiry } | { ok: false; issues: FieldIssues };
export type Validation = { ok: true; inquiry: Inquiry } | { ok: false; errors: FieldErrors; issues: FieldIssues };

/** The stable code of a zod issue: a refinement's own code, else one derived from zod's issue code and the input. */
function issueCode(issue: z.core.$ZodIssue, field: InquiryField, raw: unknown): IssueCode {
  switch (issue.code) {
    case "custom":
      return (issue.params?.code as IssueCode | undefined) ?? "invalid";
    case "too_big":
      return "too_long";
    case "too_small":
      return "required";
    case "invalid_type":
    case "invalid_value":
      // Nothing given for a field that must be given is "required"; a value of another type (a number, an object,
      // "no" for a checkbox) is "wrong_type"; a wrong value of the right type, or null for an optional field, is "invalid".
      if (raw === undefined || raw === null || raw === "")
        return (fieldIssueCodes[field] as readonly IssueCode[]).includes("required") ? "required" : "invalid";
      return typeof raw === (isCheckbox(field) ? "boolean" : "string") ? "invalid" : "wrong_type";
    default:
      return "invalid";
  }
}

/**
 * Only professionals are asked for an organization: anyone else's text is ignored, neither checked nor kept (a
 * browser without `:has()` shows the field to everyone, and a person may choose another role after typing in it).
 * A value that is not text at all comes from no form, and is refused as the wrong type like any other field's.
 */
function onlyAskedFields(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input) || !Object.hasOwn(input, "organization")) return input;
  const { organization, ...rest } = input as Record<string, unknown>;
  return rest.role === "professional" || typeof organization !== "string" ? input : rest;
}

/** Checks raw input (from a form or JSON): an inquiry, or one issue code per wrong field. */
export function checkInquiry(input: unknown): Check {
  const result = inquirySchema.safeParse(onlyAskedFields(input));
  if (result.success) {
    const inquiry = { ...result.data };
    // Empty optional strings become absent, so stored data and emails never carry blanks.
    for (const k of ["organization", "phone", "email", "insurance", "message"] as const) if (inquiry[k] === "") delete inquiry[k];
    return { ok: true, inquiry };
  }
  const record = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  const issues: FieldIssues = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as InquiryField | undefined;
    if (field && inquiryFields.includes(field) && !issues[field]) issues[field] = issueCode(issue, field, record[field]);
  }
  return { ok: false, issues };
}

/** The message for each field's issue, from one locale's dictionary; `records` completes the patient-identifier refusal. */
export function fieldMessages(issues: FieldIssues, messages: IssueMessages, records: RecordsRoute = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const [f, c] of Object.entries(issues) as [InquiryField, IssueCode][]) {
    const m = (messages[f] as Partial<Record<IssueCode, string | ((fax?: string, line?: string) => string)>>)[c] ?? c;
    out[f] = typeof m === "function" ? m(records.fax, records.line) : m;
  }
  return out;
}

/**
 * Validates raw input into an inquiry, or one message per wrong field in the given locale's words
 * (`strings(locale).inquiry.errors`) and with the center's records route. The schema imports no dictionary: the
 * dictionary's types import the schema's.
 */
export function validateInquiry(input: unknown, messages: IssueMessages, records?: RecordsRoute): Validation {
  const r = checkInquiry(input);
  return r.ok ? r : { ok: false, issues: r.issues, errors: fieldMessages(r.issues, messages, records) };
}

const CHECKBOXES: readonly InquiryField[] = ["voicemailOk", "textOk", "consent"];
const isCheckbox = (field: InquiryField) => CHECKBOXES.includes(field);

/**
 * The values that mean "ticked" in a form body: the form's own (`value="yes"`, InquiryFields.tsx) and a browser's
 * default for a checkbox without a value ("on"). Nothing else ticks a box: "no", "0" or "false" must never read as
 * permission to leave a voicemail.
 */
const CHECKBOX_TICKED = ["yes", "on"] as const;

/**
 * Turns form fields (strings; checkboxes present only when ticked) into the schema's input shape.
 * Used by the browser on its FormData and by the server on a urlencoded or multipart body. A checkbox that is
 * absent (or empty, as some encoders send an unticked one) is false, a ticked one true; any other value is passed
 * on as it is, for the schema to refuse as `wrong_type`.
 */
export function fromFormFields(get: (name: string) => string | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of inquiryFields) {
    const v = get(f);
    if (isCheckbox(f)) out[f] = v === null || v === "" ? false : (CHECKBOX_TICKED as readonly string[]).includes(v) ? true : v;
    else if (v !== null) out[f] = v;
  }
  return out;
}

/**
 * Turns a JSON body (an object) into the schema's input shape, without coercing anything: a checkbox must be
 * true or false (absent is false), every other field a string (absent or null is "not given"). Any other value,
 * numbers, objects and arrays included, reaches the schema as it is and is refused as `wrong_type`.
 */
export function fromJsonFields(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of inquiryFields) {
    const v = Object.hasOwn(record, f) ? record[f] : undefined;
    if (isCheckbox(f)) out[f] = v === undefined ? false : v;
    else if (v !== undefined && v !== null) out[f] = v;
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
