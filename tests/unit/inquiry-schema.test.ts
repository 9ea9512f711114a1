import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  checkInquiry,
  fieldIssueCodes,
  fieldMessages,
  fromFormFields,
  inquiryFields,
  validateInquiry as validateWith,
  type FieldErrors,
  type FieldIssues,
  type IssueCode,
} from "@/lib/inquiries/schema";
import { strings } from "@/lib/i18n/strings";
import { inquiryText } from "@/lib/i18n/inquiry.en";
import { errorMessages as e } from "../helpers/error-messages";
import { validInquiry, validInquiryForm } from "../helpers/fixtures";
import { formOrder, inFormOrder } from "@/components/inquiry/form-dom";

/** The schema in English words (it takes the dictionary's messages as an argument). */
const validateInquiry = (input: unknown, messages = inquiryText.errors, records?: Parameters<typeof validateWith>[2]) => validateWith(input, messages, records);

/** The smallest valid inquiry: a phone number and the required choices. */
const minimal = validInquiry;
const m = inquiryText.errors;

/** The field errors for an input (fails the test if the input is accepted). */
function errorsFor(input: Record<string, unknown>): FieldErrors {
  const r = validateInquiry(input);
  if (r.ok) throw new Error(`expected the inquiry to be rejected: ${JSON.stringify(input).slice(0, 200)}`);
  return r.errors;
}

describe("valid inquiries", () => {
  it("accepts a minimal inquiry with only a phone number", () => {
    const r = validateInquiry(minimal);
    expect(r).toEqual({ ok: true, inquiry: minimal });
  });

  it("accepts an inquiry with only an email address", () => {
    const { phone: _phone, ...rest } = minimal;
    const r = validateInquiry({ ...rest, email: "ann@example.com", contactMethod: "email" });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.inquiry.email).toBe("ann@example.com");
      expect(r.inquiry).not.toHaveProperty("phone");
    }
  });

  it("accepts a professional referral with an organization and every optional field", () => {
    const r = validateInquiry({
      ...minimal,
      role: "professional",
      organization: "Springfield Clinic",
      email: "dr@example.com",
      contactMethod: "text",
      textOk: true,
      voicemailOk: true,
      insurance: "Medicaid",
      message: "Line one.\nLine two.\tTabbed.",
      language: "es",
      bestTime: "evening",
    });
    expect(r.ok).toBe(true);
  });

  it.each([["José Ñúñez"], ["李小龍"], ["Zoë-Ann O'Neil"], ["Sam 🌻"]])("accepts the unicode name %s", (name) => {
    const r = validateInquiry({ ...minimal, name });
    expect(r).toEqual({ ok: true, inquiry: { ...minimal, name } });
  });

  it("trims names and other text fields", () => {
    const r = validateInquiry({ ...minimal, name: "  José Ñúñez  ", insurance: "  Aetna ", phone: " 555-010-0100 ", message: "\n Hello \n" });
    expect(r.ok && r.inquiry).toMatchObject({ name: "José Ñúñez", insurance: "Aetna", phone: "555-010-0100", message: "Hello" });
  });

  it("ignores unknown keys", () => {
    const r = validateInquiry({ ...minimal, website: "spam", isAdmin: true, __proto__x: 1 });
    expect(r).toEqual({ ok: true, inquiry: minimal });
  });

  it("removes empty optional strings from the validated inquiry", () => {
    const r = validateInquiry({ ...minimal, organization: "", email: "  ", insurance: "", message: " \n " });
    expect(r.ok).toBe(true);
    if (r.ok) for (const k of ["organization", "email", "insurance", "message"]) expect(r.inquiry).not.toHaveProperty(k);
  });

  it("asks an organization of professionals only: anyone else's is neither checked nor kept", () => {
    for (const role of ["self", "loved-one"]) {
      for (const organization of ["Springfield Clinic", "a".repeat(500), "Line\nbreak"]) {
        const r = validateInquiry({ ...minimal, role, organization });
        expect(r, `${role}: ${String(organization).slice(0, 20)}`).toEqual({ ok: true, inquiry: { ...minimal, role } });
      }
    }
    // A missing or unknown role is its own error; the organization is not judged without one.
    expect(issuesFor({ ...minimal, role: "admin", organization: "a".repeat(500) })).toEqual({ role: "invalid" });
    const pro = validateInquiry({ ...minimal, role: "professional", organization: " Springfield Clinic " });
    expect(pro.ok && pro.inquiry.organization).toBe("Springfield Clinic");
  });

  it("accepts a plain insurance carrier name", () => {
    const r = validateInquiry({ ...minimal, insurance: "Blue Cross Blue Shield" });
    expect(r.ok && r.inquiry.insurance).toBe("Blue Cross Blue Shield");
  });
});

describe("each invalid field gets its own message", () => {
  it("missing role", () => {
    const { role: _role, ...rest } = minimal;
    expect(errorsFor(rest)).toEqual({ role: e.role });
  });

  it("unknown role", () => {
    expect(errorsFor({ ...minimal, role: "admin" })).toEqual({ role: e.role });
  });

  it("empty name, including one of only spaces", () => {
    expect(errorsFor({ ...minimal, name: "" })).toEqual({ name: e.name });
    expect(errorsFor({ ...minimal, name: "   " })).toEqual({ name: e.name });
  });

  it("name longer than 80 characters (80 is fine)", () => {
    expect(validateInquiry({ ...minimal, name: "a".repeat(80) }).ok).toBe(true);
    expect(errorsFor({ ...minimal, name: "a".repeat(81) })).toEqual({ name: e.nameLong });
  });

  for (const field of ["name", "organization", "insurance"] as const) {
    for (const [label, brk] of [
      ["\\n", "\n"],
      ["\\r", "\r"],
      ["\\u2028", "\u2028"],
    ] as const) {
      it(`line break ${label} in ${field}`, () => {
        const base = field === "organization" ? { ...minimal, role: "professional", organization: "Clinic" } : minimal;
        expect(errorsFor({ ...base, [field]: `First${brk}Second` })).toEqual({ [field]: e.singleLine });
      });
    }
  }

  it("phone with too few digits", () => {
    expect(errorsFor({ ...minimal, phone: "555-0100" })).toEqual({ phone: e.phone });
  });

  it("phone with letters", () => {
    expect(errorsFor({ ...minimal, phone: "555-CALL-NOW" })).toEqual({ phone: e.phone });
  });

  it("accepts a phone with a leading 1 and punctuation", () => {
    expect(validateInquiry({ ...minimal, phone: "+1 (555) 010-0100" }).ok).toBe(true);
  });

  it("bad email", () => {
    expect(errorsFor({ ...minimal, email: "ann@" })).toEqual({ email: e.email });
  });

  it("email with a local part over 64 characters (RFC 5321 §4.5.3.1.1; 64 is fine)", () => {
    expect(validateInquiry({ ...minimal, email: `${"a".repeat(64)}@example.com` }).ok).toBe(true);
    expect(errorsFor({ ...minimal, email: `${"a".repeat(65)}@example.com` })).toEqual({ email: e.email });
    expect(errorsFor({ ...minimal, email: `${"a.b".repeat(30)}@example.com` })).toEqual({ email: e.email });
  });

  it("neither phone nor email: the error is on phone", () => {
    const { phone: _phone, ...rest } = minimal;
    expect(errorsFor(rest)).toEqual({ phone: e.reach });
    expect(errorsFor({ ...minimal, phone: "", email: "" })).toEqual({ phone: e.reach });
  });

  it("contact by email without an email address", () => {
    expect(errorsFor({ ...minimal, contactMethod: "email" })).toEqual({ email: e.needEmail });
  });

  it("contact by phone with only an email address", () => {
    const { phone: _phone, ...rest } = minimal;
    expect(errorsFor({ ...rest, email: "ann@example.com", contactMethod: "phone" })).toEqual({ phone: e.needPhone });
  });

  it("contact by text without permission to text", () => {
    expect(errorsFor({ ...minimal, contactMethod: "text", textOk: false })).toEqual({ textOk: e.needTextOk });
  });

  it("a professional without an organization", () => {
    expect(errorsFor({ ...minimal, role: "professional" })).toEqual({ organization: e.organization });
  });
  it("insurance that looks like a member ID", () => {
    expect(errorsFor({ ...minimal, insurance: "XKJ123456789" })).toEqual({ insurance: e.insurance });
    expect(errorsFor({ ...minimal, insurance: "Aetna W123-456-789" })).toEqual({ insurance: e.insurance });
  });

  it("message longer than 1000 characters (1000 is fine)", () => {
    expect(validateInquiry({ ...minimal, message: "a".repeat(1000) }).ok).toBe(true);
    expect(errorsFor({ ...minimal, message: "a".repeat(1001) })).toEqual({ message: e.message });
  });

  it("message with a control character", () => {
    expect(errorsFor({ ...minimal, message: "Hello\u0000there" })).toEqual({ message: e.controlChars });
    expect(errorsFor({ ...minimal, message: "Hello\u001bthere" })).toEqual({ message: e.controlChars });
  });

  describe("C1 and bidi controls", () => {
    const C1 = ["\u0080", "\u0085", "\u008d", "\u009b", "\u009f"];
    const BIDI = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"];
    const show = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
    const single = {
      name: (c: string) => `Ann${c}Lee`,
      organization: (c: string) => `Spring${c}field Clinic`,
      phone: (c: string) => `555-010-${c}0100`,
      email: (c: string) => `ann${c}@example.com`,
      insurance: (c: string) => `Med${c}icaid`,
    };
    for (const [field, make] of Object.entries(single)) {
      it(`${field} refuses every C1 and bidi control with its control_chars message`, () => {
        const base = field === "organization" ? { ...minimal, role: "professional" } : minimal;
        for (const c of [...C1, ...BIDI]) {
          const r = checkInquiry({ ...base, [field]: make(c) });
          expect(r.ok, `${field} with ${show(c)}`).toBe(false);
          if (!r.ok) expect(r.issues, `${field} with ${show(c)}`).toEqual({ [field]: "control_chars" });
        }
        // At the edges too: trimming must not hide them.
        for (const c of ["\u0085", "\u202e"]) expect(issuesFor({ ...base, [field]: `${c}${make("")}${c}` })).toEqual({ [field]: "control_chars" });
        expect(errorsFor({ ...base, [field]: make("\u0085") })).toEqual({ [field]: e.controlChars });
      });
    }

    it("message refuses C1 controls and bidi embeddings, overrides and isolates", () => {
      for (const c of [...C1, ...BIDI.slice(2)]) expect(issuesFor({ ...minimal, message: `Hello${c}there` }), show(c)).toEqual({ message: "control_chars" });
    });

    it("message keeps LRM and RLM (right-to-left keyboards type them), tabs and line breaks", () => {
      for (const c of ["\u200e", "\u200f", "\t", "\n", "\r\n"]) expect(validateInquiry({ ...minimal, message: `שלום${c}hello` }).ok, show(c)).toBe(true);
    });

    it("characters next to the refused ranges are still accepted (no-break space, é, zero-width joiner in emoji)", () => {
      for (const name of ["Zoë\u00a0Ann", "José", "Sam 👩\u200d👩\u200d👧", "Ann\u007e"]) expect(validateInquiry({ ...minimal, name }).ok, name).toBe(true);
    });
  });

  it("consent missing or false", () => {
    const { consent: _consent, ...rest } = minimal;
    expect(errorsFor(rest)).toEqual({ consent: e.consent });
    expect(errorsFor({ ...minimal, consent: false })).toEqual({ consent: e.consent });
    expect(errorsFor({ ...minimal, consent: "true" })).toEqual({ consent: e.consent });
  });

  it("values of the wrong type: a wrong_type code and a message naming the field, never a coercion", () => {
    expect(issuesFor({ ...minimal, voicemailOk: "no", textOk: 0, consent: "yes" })).toEqual({
      voicemailOk: "wrong_type",
      textOk: "wrong_type",
      consent: "wrong_type",
    });
    expect(issuesFor({ ...minimal, name: 42, phone: ["555-010-0100"], role: { self: true }, message: {} })).toEqual({
      name: "wrong_type",
      phone: "wrong_type",
      role: "wrong_type",
      message: "wrong_type",
    });
    const r = validateInquiry({ ...minimal, role: "professional", organization: 7, insurance: true });
    expect(!r.ok && r.errors).toEqual({ organization: m.organization.wrong_type, insurance: m.insurance.wrong_type });
  });
});

describe("the organization of someone who is not a professional", () => {
  it("is dropped when it is text, whatever it says", () => {
    const r = validateInquiry({ ...minimal, role: "self", organization: "x".repeat(500) });
    expect(r.ok && r.inquiry).not.toHaveProperty("organization");
  });

  it("is refused as the wrong type when it is not text (no form sends that)", () => {
    for (const organization of [{}, [], 42, true]) {
      const r = validateInquiry({ ...minimal, role: "loved-one", organization });
      expect(!r.ok && r.issues, JSON.stringify(organization)).toEqual({ organization: "wrong_type" });
    }
  });
});

describe("a professional's message with a patient identifier", () => {
  const pro = { ...minimal, role: "professional", organization: "Lakeside Clinic" };
  const records = { fax: "(555) 010-0102", line: "(555) 010-0103" };

  it.each(["DOB 1/2/1990", "Referral: born 01-02-1990, evenings", "MRN 4471234", "SSN 123-45-6789"])(
    "is refused on the message, saying where records go: %j",
    (message) => {
      const r = validateInquiry({ ...pro, message }, inquiryText.errors, records);
      expect(!r.ok && r.issues).toEqual({ message: "patient_identifiers" });
      expect(!r.ok && r.errors.message).toBe(m.message.patient_identifiers(records.fax, records.line));
      expect(!r.ok && r.errors.message).toContain(records.fax);
      expect(!r.ok && r.errors.message).toContain(records.line);
    },
  );

  it("is accepted without identifiers: times, phone numbers, ZIP codes and age ranges", () => {
    const message = "Call 3/15 after 5 pm at (555) 010-0100. Our office, ZIP 60601, sees ages 18–25.";
    expect(validateInquiry({ ...pro, message })).toEqual({ ok: true, inquiry: { ...pro, message } });
  });

  it("applies to professionals only (the rule is for referrals)", () => {
    for (const role of ["self", "loved-one"]) expect(validateInquiry({ ...minimal, role, message: "DOB 1/2/1990" }).ok, role).toBe(true);
  });

  it("still reads as a sentence when the numbers are not given", () => {
    const r = validateInquiry({ ...pro, message: "MRN 4471234" });
    expect(!r.ok && r.errors.message).toMatch(/^Remove .*secure fax or call our referral line\.$/);
  });

  it("leaves an over-long message to the length rule", () => {
    expect(issuesFor({ ...pro, message: `DOB 1/2/1990 ${"a".repeat(1000)}` })).toEqual({ message: "too_long" });
  });
});

describe("several problems at once", () => {
  it("reports empty name, no way to reach, and no consent together", () => {
    const { phone: _phone, ...rest } = minimal;
    expect(errorsFor({ ...rest, name: "", consent: false })).toEqual({ name: e.name, phone: e.reach, consent: e.consent });
  });

  it("reports every missing choice on an empty submission", () => {
    expect(Object.keys(errorsFor({})).sort()).toEqual(
      ["bestTime", "consent", "contactMethod", "language", "name", "phone", "role", "textOk", "voicemailOk"].sort(),
    );
  });
});

describe("hostile input", () => {
  const huge = (unit: string) => unit.repeat(Math.ceil(100_000 / unit.length));
  const lengthMessages: Record<string, string> = {
    name: e.nameLong,
    organization: e.organizationLong,
    insurance: e.insuranceLong,
    message: e.message,
    email: e.email,
    phone: e.phone,
  };

  for (const [field, message] of Object.entries(lengthMessages)) {
    for (const unit of ["a", "a-", "ab12-"]) {
      it(`rejects a 100 KB ${field} made of "${unit}" with a length message, without throwing`, () => {
        const base = field === "organization" ? { ...minimal, role: "professional" } : minimal;
        expect(errorsFor({ ...base, [field]: huge(unit) })[field as keyof FieldErrors]).toBe(message);
      });
    }
  }

  it("rejects non-string and non-object input without throwing", () => {
    for (const input of [null, undefined, "text", 42, [], { name: 42 }]) expect(validateInquiry(input).ok).toBe(false);
  });

  it("rejects a name carrying an email header", () => {
    expect(errorsFor({ ...minimal, name: "Ann\r\nBcc: evil@example.com" })).toEqual({ name: e.singleLine });
  });
});

/** The issue codes for an input (fails the test if the input is accepted). */
function issuesFor(input: unknown): FieldIssues {
  const r = checkInquiry(input);
  if (r.ok) throw new Error(`expected the inquiry to be rejected: ${JSON.stringify(input).slice(0, 200)}`);
  return r.issues;
}

describe("issue codes: the schema carries no words", () => {
  it("names each problem with a stable code per field", () => {
    const { phone: _phone, role: _role, ...rest } = minimal;
    expect(issuesFor({ ...rest, name: "", consent: false })).toEqual({ role: "required", name: "required", phone: "need_contact", consent: "invalid" });
    expect(issuesFor({ ...minimal, role: "admin", name: "a".repeat(81), insurance: "XKJ123456789", message: "a\u0001" })).toEqual({
      role: "invalid",
      name: "too_long",
      insurance: "member_id",
      message: "control_chars",
    });
    expect(issuesFor({ ...minimal, name: "Ann\nBob", phone: "555", contactMethod: "text" })).toEqual({
      name: "single_line",
      phone: "invalid",
      textOk: "need_text_ok",
    });
    expect(issuesFor({ ...minimal, contactMethod: "email" })).toEqual({ email: "need_email" });
    expect(issuesFor({ ...minimal, role: "professional" })).toEqual({ organization: "need_organization" });
  });

  it("validateInquiry returns the codes and their English messages", () => {
    const r = validateInquiry({ ...minimal, email: "ann@" });
    expect(r).toEqual({ ok: false, issues: { email: "invalid" }, errors: { email: e.email } });
  });

  it("fieldMessages looks messages up in a dictionary section", () => {
    expect(fieldMessages({ phone: "need_contact", consent: "required" }, strings("en").inquiry.errors)).toEqual({ phone: e.reach, consent: e.consent });
  });
});

describe("the English dictionary has a message for every (field, code) the schema can produce", () => {
  const messages = strings("en").inquiry.errors as unknown as Record<string, Record<string, string | ((fax?: string, line?: string) => string)>>;
  const sentence = (m: string | ((fax?: string, line?: string) => string) | undefined) => (typeof m === "function" ? m("(555) 010-0102", "(555) 010-0103") : m);

  it("covers every declared pair with a sentence", () => {
    expect(Object.keys(fieldIssueCodes).sort()).toEqual([...inquiryFields].sort());
    for (const [field, codes] of Object.entries(fieldIssueCodes)) {
      for (const code of codes) expect(sentence(messages[field]?.[code]), `${field}/${code}`).toMatch(/^[A-Z].*\.$/);
      expect(Object.keys(messages[field]).sort(), field).toEqual([...codes].sort());
    }
  });

  it("the schema produces only declared pairs, whatever the input", () => {
    const declared = fieldIssueCodes as Record<string, readonly IssueCode[]>;
    const value = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.string({ maxLength: 40 }),
      fc.string({ minLength: 81, maxLength: 1200 }),
      fc.constantFrom("", " ", "a\nb", "a\u0001b", "555-010-0100", "5", "ann@example.com", "ann@", "XKJ123456789", "professional", "text", "email", "on"),
    );
    const input = fc.record(Object.fromEntries(inquiryFields.map((f) => [f, value])), { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(input, fc.constantFrom(null, undefined, "text", 42, [])), (raw) => {
        const r = checkInquiry(raw);
        if (!r.ok) for (const [f, c] of Object.entries(r.issues)) expect(declared[f], `${f}/${c}`).toContain(c);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("fromFormFields", () => {
  const formOf = (fields: Record<string, string>) => (name: string) => (name in fields ? fields[name] : null);

  it("maps ticked checkboxes to true and absent ones to false", () => {
    const out = fromFormFields(formOf({ role: "self", name: "Ann", consent: "on", textOk: "on" }));
    expect(out).toEqual({ role: "self", name: "Ann", consent: true, textOk: true, voicemailOk: false });
  });

  it('treats a checkbox sent as "" as unticked, and ticks only on the form\'s value "yes" (or a browser\'s default "on")', () => {
    const out = fromFormFields(formOf({ consent: "", voicemailOk: "on", textOk: "yes" }));
    expect(out).toMatchObject({ consent: false, voicemailOk: true, textOk: true });
  });

  it("passes any other checkbox value on, for the schema to refuse: never read as ticked", () => {
    const out = fromFormFields(formOf({ consent: "no", voicemailOk: "false", textOk: "0" }));
    expect(out).toMatchObject({ consent: "no", voicemailOk: "false", textOk: "0" });
    const r = checkInquiry({ ...minimal, ...out });
    expect(!r.ok && r.issues).toEqual({ consent: "wrong_type", voicemailOk: "wrong_type", textOk: "wrong_type" });
  });

  it("keeps only the inquiry's fields (not the honeypot or unknown ones)", () => {
    const out = fromFormFields(formOf({ name: "Ann", website: "http://spam", admin: "1" }));
    expect(Object.keys(out).sort()).toEqual(["consent", "name", "textOk", "voicemailOk"]);
  });

  it("produces input that validates, from a complete form", () => {
    // An empty email box is sent as "", and a browser's default checkbox value is "on".
    const form = formOf(validInquiryForm({ email: "", consent: "on" }));
    const r = validateInquiry(fromFormFields(form));
    expect(r).toEqual({ ok: true, inquiry: minimal });
  });
});

describe("the error summary's order", () => {
  it("names every field once, and puts errors in form order whatever order they came in", () => {
    expect([...formOrder].sort()).toEqual([...inquiryFields].sort());
    expect(new Set(formOrder).size).toBe(formOrder.length);
    expect(inFormOrder({ consent: "c", message: "m", name: "n", organization: "o", textOk: "t" }).map(([f]) => f)).toEqual([
      "organization",
      "name",
      "textOk",
      "message",
      "consent",
    ]);
  });
});
