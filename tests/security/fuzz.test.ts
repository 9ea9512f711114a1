import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  bestTimes,
  contactMethods,
  fromFormFields,
  fromJsonFields,
  inquiryFields,
  languages,
  roles,
  validateInquiry as validateWith,
  type Inquiry,
} from "@/lib/inquiries/schema";
import { MAIL_SUBJECT } from "@/lib/inquiries/mail";
import { freePort, waitFor, type NextServer } from "../helpers/next-server";
import type { SmtpSink } from "../helpers/smtp-sink";
import { withDb } from "../helpers/inquiry-db";
import { validInquiry } from "../helpers/fixtures";
import { mailHeaderLines, randomHex, rawRequest, startServerWithSink } from "./helpers";
import { inquiryText } from "@/lib/i18n/inquiry.en";

/** The schema in English words (it takes the dictionary's messages as an argument). */
const validateInquiry = (input: unknown, messages = inquiryText.errors) => validateWith(input, messages);

/**
 * Property-based fuzzing of the inquiry schema (in process) and of POST /api/inquiries (over HTTP, against
 * the server entry with a real SMTP sink). Every run count is fixed: the suite is bounded.
 *
 * Ports: free ones (the SMTP sink too).
 */
// A free port: other processes may hold any fixed one.
const PORT = await freePort();
const MAIL_FROM = "website-fuzz@iop-test.example.net";
const MAIL_TO = "intake-fuzz@iop-test.example.net";

/** The fields that end up on one line (the staff email; Reply-To for the address): no line breaks, no controls. */
const SINGLE_LINE_FIELDS = ["name", "organization", "phone", "email", "insurance"] as const;
/**
 * The schema's own definition of "single line": no C0 controls (so no \r, \n, \0, tab), DEL, C1 controls
 * (U+0085 NEL among them), U+2028/2029, or bidi controls.
 */
const NOT_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** A message may have line breaks, tabs and LRM/RLM, never other controls or bidi embeddings, overrides, isolates. */
const BAD_IN_MESSAGE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const CHECKBOXES: readonly string[] = ["voicemailOk", "textOk", "consent"];

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries

/** Characters that break headers and lines, or hide in them. */
const nasty = fc.constantFrom(
  "\r",
  "\n",
  "\r\n",
  "\0",
  "\t",
  "\u000b",
  "\u000c",
  "\u0085",
  "\u2028",
  "\u2029",
  "\u00a0",
  "\u001b",
  "\u007f",
  "\u0080",
  "\u009b",
  "\u200e",
  "\u200f",
  "\u202e",
  "\u2067",
  "\ufeff",
  "\r\nBcc: x@evil.example\r\n",
);
const unicodeText = fc.string({ unit: "grapheme", maxLength: 40 });
/** Mostly plausible text, often with something nasty somewhere (start, middle or end). */
const text = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 30 }) },
  { weight: 2, arbitrary: unicodeText },
  { weight: 2, arbitrary: fc.tuple(unicodeText, nasty, unicodeText).map(([a, b, c]) => a + b + c) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
);
const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const phoneSep = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom("", " ", "-", ".", ") ") },
  { weight: 1, arbitrary: fc.constantFrom("\t", "\n", "\r\n", "\r", "\u000b", "\u000c", "\u00a0", "\u2028", "\u3000", "\0") },
);
const phone = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom("", "+1 ", "1-", "("), digits(3), phoneSep, digits(3), phoneSep, digits(4)).map((p) => p.join("")) },
  { weight: 1, arbitrary: text },
);
/** Addresses the schema accepts (fc.emailAddress() covers RFC 5322 oddities the schema rightly refuses). */
const plainEmail = fc
  .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9_+-]{0,15}$/), fc.constantFrom("example.org", "example.com", "mail.example.net"))
  .map(([local, domain]) => `${local}@${domain}`);
const email = fc.oneof(
  { weight: 8, arbitrary: plainEmail },
  { weight: 1, arbitrary: fc.emailAddress({ size: "small" }) },
  { weight: 2, arbitrary: fc.tuple(plainEmail, nasty, fc.constantFrom("", "bcc@evil.example", "Bcc: evil@evil.example")).map(([a, b, c]) => a + b + c) },
  { weight: 1, arbitrary: fc.tuple(nasty, plainEmail, nasty).map(([a, b, c]) => a + b + c) },
  { weight: 1, arbitrary: text },
);
const enumOr = <T extends string>(values: readonly T[]) =>
  fc.oneof({ weight: 15, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });

/** Inquiries near the valid set: the schema's fields, each usually plausible and often subtly wrong or nasty. */
const nearValidInquiry = fc.record(
  {
    role: enumOr(roles),
    name: text,
    organization: text,
    phone,
    email,
    contactMethod: enumOr(contactMethods),
    bestTime: enumOr(bestTimes),
    voicemailOk: fc.boolean(),
    textOk: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.boolean() }),
    language: enumOr(languages),
    insurance: text,
    message: fc.oneof(text, fc.string({ unit: "grapheme", maxLength: 300 })),
    consent: fc.oneof({ weight: 12, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) }),
  },
  { requiredKeys: ["role", "name", "contactMethod", "bestTime", "voicemailOk", "textOk", "language", "consent"] },
);

/** A value of the wrong type for any field, nested ones included: objects, arrays, numbers, booleans, null. */
const wrongTyped = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).filter((v) => typeof v === "object" && v !== null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("no", "yes", "on", "true", "false", "0", "1", ""),
);

/** A near-valid inquiry with one to three fields replaced by wrong-typed (often nested) values. */
const wrongTypedInquiry = fc
  .tuple(
    nearValidInquiry,
    fc.uniqueArray(fc.constantFrom(...inquiryFields), { minLength: 1, maxLength: 3 }),
    fc.array(wrongTyped, { minLength: 3, maxLength: 3 }),
  )
  .map(([v, fields, values]) => ({ ...v, ...Object.fromEntries(fields.map((f, i) => [f, values[i]])) }) as Record<string, unknown>);

/** The schema's keys, each filled with an arbitrary binary string (or left out). */
const schemaKeysWithBinary = fc.record(
  Object.fromEntries(inquiryFields.map((k) => [k, fc.string({ unit: "binary" })])) as Record<string, fc.Arbitrary<string>>,
  { requiredKeys: [] },
);

function expectSingleLine(inquiry: Inquiry) {
  for (const f of SINGLE_LINE_FIELDS) {
    const v = inquiry[f];
    if (v === undefined) continue;
    expect(typeof v, f).toBe("string");
    expect(NOT_SINGLE_LINE.test(v as string), `${f} ${JSON.stringify(v)} was accepted with a line break or control character`).toBe(false);
  }
  if (inquiry.message !== undefined) expect(BAD_IN_MESSAGE.test(inquiry.message), `message ${JSON.stringify(inquiry.message)}`).toBe(false);
}

/** validateInquiry, checked for never throwing and for a well-formed answer. */
function validateChecked(input: unknown) {
  let result: ReturnType<typeof validateInquiry>;
  expect(() => (result = validateInquiry(input))).not.toThrow();
  if (result!.ok) expectSingleLine(result!.inquiry);
  else {
    // A refused object always says which field is wrong (non-objects never reach it: handle.ts refuses them first).
    if (typeof input === "object" && input !== null && !Array.isArray(input)) expect(Object.keys(result!.errors).length).toBeGreaterThan(0);
    for (const [k, msg] of Object.entries(result!.errors)) {
      expect(inquiryFields).toContain(k);
      expect(typeof msg).toBe("string");
    }
  }
  return result!;
}

// ---------------------------------------------------------------------------------------------------------------

describe("validateInquiry (in process, 500 runs each)", () => {
  it("never throws on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        validateChecked(v);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on objects with the schema's keys holding arbitrary binary strings", () => {
    fc.assert(
      fc.property(schemaKeysWithBinary, (v) => {
        validateChecked(v);
      }),
      { numRuns: 500 },
    );
  });

  it("never accepts a line break, NUL or other control character in a single-line field", () => {
    let accepted = 0;
    fc.assert(
      fc.property(nearValidInquiry, (v) => {
        if (validateChecked(v).ok) accepted++;
      }),
      { numRuns: 500 },
    );
    // The property only means something if plenty of inputs get through.
    console.log(`validateInquiry accepted ${accepted} of 500 near-valid inquiries`);
    expect(accepted).toBeGreaterThan(25);
  });

  it("the same holds for inquiries sent as form fields (strings only, as the no-JS form and the browser send them)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(nearValidInquiry, (v) => {
        const fields = Object.fromEntries(
          Object.entries(v).flatMap(([k, x]) => (x === false ? [] : [[k, x === true ? "on" : typeof x === "string" ? x : JSON.stringify(x)]])),
        );
        if (validateChecked(fromFormFields((n) => fields[n] ?? null)).ok) accepted++;
      }),
      { numRuns: 500 },
    );
    expect(accepted).toBeGreaterThan(25);
  });

  it("JSON with nested or wrong-typed values in any field: never throws, never accepts a value of the wrong type", () => {
    let refused = 0;
    fc.assert(
      fc.property(wrongTypedInquiry, (v) => {
        const r = validateChecked(fromJsonFields(v));
        if (!r.ok) refused++;
        else
          for (const f of inquiryFields) {
            const x = v[f];
            if (CHECKBOXES.includes(f)) expect(x === undefined || typeof x === "boolean", `${f} ${JSON.stringify(x)} accepted`).toBe(true);
            else expect(x === undefined || x === null || typeof x === "string", `${f} ${JSON.stringify(x)} accepted`).toBe(true);
          }
      }),
      { numRuns: 500 },
    );
    expect(refused).toBeGreaterThan(400);
  });

  it("regression examples: phone numbers with line breaks or NUL between the digits are refused", () => {
    for (const p of ["555\r\n010 0199", "555-010\n-0199", "555\u2028010\u20280199", "555\t010\t0199", "555\u000b0100199", "555\u00000100199"]) {
      expect(validateInquiry({ ...validInquiry, phone: p }).ok, JSON.stringify(p)).toBe(false);
    }
    expect(validateInquiry({ ...validInquiry, phone: "(555) 010-0199" }).ok).toBe(true);
    expect(validateInquiry({ ...validInquiry, phone: "+1 555.010.0199" }).ok).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------

interface FuzzRequest {
  label: string;
  contentType: string;
  body: Buffer;
  /** The inquiry as sent, when the body is a near-valid inquiry (JSON or form). */
  inquiry?: Record<string, unknown>;
}

const BOUNDARY = "----fuzzboundary0123456789";
const utf8 = (s: string) => Buffer.from(s, "utf8");
const anyContentType = fc.constantFrom(
  "application/json",
  "application/x-www-form-urlencoded",
  `multipart/form-data; boundary=${BOUNDARY}`,
  "multipart/form-data",
  "text/plain",
  "application/json; charset=utf-16",
  "APPLICATION/JSON",
  "",
  "application/xml",
);

function jsonInquiry(v: Record<string, unknown>, label = "near-valid inquiry (JSON)"): FuzzRequest {
  return { label, contentType: "application/json", body: utf8(JSON.stringify(v)), inquiry: v };
}
function formInquiry(v: Record<string, unknown>): FuzzRequest {
  const fields = Object.entries(v).flatMap(([k, x]) =>
    x === false ? [] : [[k, x === true ? "on" : typeof x === "string" ? x : JSON.stringify(x)] as [string, string]],
  );
  return {
    label: "near-valid inquiry (form)",
    contentType: "application/x-www-form-urlencoded",
    body: utf8(new URLSearchParams(fields).toString()),
    inquiry: Object.fromEntries(fields),
  };
}

const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  fc.jsonValue().map((v) => ({ label: "json value", contentType: "application/json", body: utf8(JSON.stringify(v) ?? "null") })),
  fc.tuple(anyContentType, fc.string({ unit: "binary", maxLength: 300 })).map(([ct, s]) => ({ label: "binary string", contentType: ct, body: utf8(s) })),
  fc.tuple(anyContentType, fc.uint8Array({ maxLength: 300 })).map(([ct, b]) => ({ label: "raw bytes", contentType: ct, body: Buffer.from(b) })),
  fc.tuple(fc.constantFrom("application/json", "application/x-www-form-urlencoded"), fc.integer({ min: 32 * 1024 - 16, max: 40 * 1024 })).map(([ct, n]) => ({
    label: "near the size cap",
    contentType: ct,
    body: utf8(ct === "application/json" ? JSON.stringify({ message: "m".repeat(n) }) : `message=${"m".repeat(n)}`),
  })),
  { weight: 4, arbitrary: nearValidInquiry.map((v) => jsonInquiry(v)) },
  { weight: 3, arbitrary: wrongTypedInquiry.map((v) => jsonInquiry(v, "wrong-typed inquiry (JSON)")) },
  { weight: 2, arbitrary: nearValidInquiry.map(formInquiry) },
);

/** Valid inquiries that always run first: the mail checks never depend on the random ones getting through. */
const baseInquiry = { ...validInquiry, name: "Fuzz Example" };
const examples: [FuzzRequest][] = [
  [jsonInquiry({ ...baseInquiry, phone: "555-010-0199", email: "fuzz.example@example.org", message: "Line one\r\nBcc: evil@evil.example\nline three" })],
  [jsonInquiry({ ...baseInquiry, phone: "(555) 010-0198" })],
  [
    formInquiry({
      ...baseInquiry,
      role: "professional",
      organization: "Clinic",
      phone: "+1 555 010 0197",
      email: "intake+fuzz@example.com",
      contactMethod: "email",
      textOk: true,
    }),
  ],
];

/** What the server will make of a near-valid inquiry: the same mapping handle.ts applies, then the shared schema. */
function expectedOutcome(r: FuzzRequest) {
  const record = r.inquiry!;
  if (r.contentType === "application/json") return validateInquiry(fromJsonFields(record));
  return validateInquiry(fromFormFields((name) => (typeof record[name] === "string" ? (record[name] as string) : null)));
}

const EXPECTED_MAIL_HEADERS = ["content-transfer-encoding", "content-type", "date", "from", "message-id", "mime-version", "subject", "to"];

describe("POST /api/inquiries under fuzzing (the server entry + SMTP sink, 100 runs)", () => {
  let server: NextServer;
  let sink: SmtpSink;
  const seen: Record<string, Record<number, number>> = {};

  beforeAll(async () => {
    ({ server, sink } = await startServerWithSink(PORT, { MAIL_FROM, MAIL_TO, RATE_LIMIT_MAX: "100000", DEDUPE_WINDOW_MS: "1" }));
  });

  afterAll(async () => {
    console.log("fuzz: status codes per body kind", JSON.stringify(seen));
    await server?.stop();
    await sink?.close();
  });

  it("never answers 5xx; accepted inquiries are delivered with exactly the expected mail headers", async () => {
    let delivered = 0;
    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (r) => {
        const key = `fuzz-${randomHex(12)}`;
        const res = await rawRequest(`${server.url}/api/inquiries`, {
          method: "POST",
          headers: { origin: server.url, "sec-fetch-site": "same-origin", "idempotency-key": key, ...(r.contentType ? { "content-type": r.contentType } : {}) },
          body: r.body,
        });
        (seen[r.label] ??= {})[res.status] = (seen[r.label][res.status] ?? 0) + 1;
        const form = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(r.contentType);
        const allowed = [200, 201, 400, 413, 415, 422, 429, ...(form ? [303] : [])];
        expect(allowed, `${r.label} (${r.contentType}) answered ${res.status}: ${res.body.toString("utf8").slice(0, 300)}`).toContain(res.status);

        if (!r.inquiry || r.body.length > 32 * 1024) return;
        const expected = expectedOutcome(r);
        const stored = res.status === 201 || res.status === 303;
        // The browser and the server share the schema: they must agree on every near-valid inquiry.
        expect(stored, `server ${res.status} vs schema ${JSON.stringify(expected)} for ${JSON.stringify(r.inquiry)}`).toBe(expected.ok);
        if (res.status === 400) {
          // A refusal stores nothing (the key was never seen) and names at least one field (JSON) …
          const rows = withDb(server.dataDir, (db) => db.prepare("SELECT COUNT(*) AS n FROM inquiries WHERE idempotency_key = ?").get(key) as { n: number });
          expect(rows.n, "rows stored for a 400").toBe(0);
          if (r.contentType === "application/json")
            expect(Object.keys((JSON.parse(res.body.toString("utf8")) as { fields: object }).fields).length).toBeGreaterThan(0);
        }
        if (!stored || !expected.ok) return;

        const id = withDb(
          server.dataDir,
          (db) => (db.prepare("SELECT id FROM inquiries WHERE idempotency_key = ?").get(key) as { id: string } | undefined)?.id,
        );
        expect(id, "the stored inquiry's row").toBeTruthy();
        const messageId = `<${id}@${MAIL_FROM.split("@")[1]}>`;
        const mail = await waitFor(
          () => sink.messages.find((m) => mailHeaderLines(m.raw).some((h) => h.name.toLowerCase() === "message-id" && h.value === messageId)),
          `mail ${messageId}`,
          20_000,
        );
        delivered++;
        const headers = mailHeaderLines(mail.raw);
        const names = headers.map((h) => h.name.toLowerCase());
        const want = [...EXPECTED_MAIL_HEADERS, ...(expected.inquiry.email ? ["reply-to"] : [])].sort();
        expect([...names].sort(), `headers of ${messageId}`).toEqual(want);
        expect(headers.find((h) => h.name.toLowerCase() === "subject")!.value).toBe(MAIL_SUBJECT);
        expect(MAIL_SUBJECT).toBe("New website inquiry");
        expect(mail.parsed.from?.value.map((a) => a.address)).toEqual([MAIL_FROM]);
        expect((Array.isArray(mail.parsed.to) ? mail.parsed.to : [mail.parsed.to]).flatMap((t) => t?.value.map((a) => a.address))).toEqual([MAIL_TO]);
        expect(mail.parsed.cc).toBeUndefined();
        expect(mail.parsed.bcc).toBeUndefined();
        if (expected.inquiry.email) expect(mail.parsed.replyTo?.value.map((a) => a.address?.toLowerCase())).toEqual([expected.inquiry.email.toLowerCase()]);
      }),
      { numRuns: 100, endOnFailure: true, examples },
    );
    expect(delivered, "the valid examples (and any fuzzed inquiries that got through) were delivered").toBeGreaterThanOrEqual(examples.length);

    // Afterwards the server is healthy: nothing dead, nothing stuck.
    const health = await waitFor(async () => {
      const h = (await (await fetch(`${server.url}/api/health`)).json()) as { status: string; pending: number; dead: number };
      return h.pending === 0 ? h : undefined;
    }, "the outbox to drain");
    expect(health).toMatchObject({ status: "ok", dead: 0, pending: 0 });
    expect(server.output()).not.toMatch(/⨯|Unhandled|TypeError|RangeError|SyntaxError/);
  });
});
