import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseEnv, type Env } from "@/lib/env";
import { parseKeyring, rateLimitBucket } from "@/lib/inquiries/crypto";
import { originProblem } from "@/lib/inquiries/guard";
import { handleInquiryPost, type HandlerDeps } from "@/lib/inquiries/handle";
import { inquiryFields } from "@/lib/inquiries/schema";
import { openSqliteInquiryStore, type SqliteInquiryStore } from "@/lib/inquiries/store/sqlite";
import { inquiryText } from "@/lib/i18n/inquiry.en";
import { inquiryText as inquiryTextEs } from "@/lib/i18n/inquiry.es";
import { strings } from "@/lib/i18n/strings";
import { validInquiry, validInquiryForm } from "../helpers/fixtures";

/**
 * POST /api/inquiries in process (handle.ts on a real SQLite store in a temporary folder): what the body's types
 * mean. JSON is never coerced (a checkbox is true or false, every other field a string), a form's checkbox is
 * ticked only by the form's own value, and a refusal names the field and stores nothing.
 */
const ORIGIN = "http://127.0.0.1:4999";
const KEYS = `k1:${crypto.randomBytes(32).toString("base64")}`;
const m = inquiryText.errors;
const CHECKBOXES = ["voicemailOk", "textOk", "consent"] as const;
const TEXT_FIELDS = inquiryFields.filter((f) => !(CHECKBOXES as readonly string[]).includes(f));

let dir: string;
let store: SqliteInquiryStore;
let env: Env;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-handle-"));
  env = parseEnv({ DATA_DIR: dir, SITE_ORIGIN: ORIGIN, RATE_LIMIT_MAX: "100000", INQUIRY_KEYS: KEYS });
  store = await openSqliteInquiryStore(path.join(dir, "inquiries.db"), parseKeyring(KEYS));
});

afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const deps = (over: Partial<HandlerDeps> = {}): HandlerDeps => ({
  store,
  env,
  now: Date.now,
  clientAddress: "203.0.113.77",
  onStored: () => {},
  renderForm: async ({ errors }) => `<p>${Object.keys(errors).join(",")}</p>`,
  ...over,
});

const count = (table: "inquiries" | "rate_limits") => (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

async function post(body: string, contentType: string, over: Partial<HandlerDeps> = {}) {
  const request = new Request(`${ORIGIN}/api/inquiries`, {
    method: "POST",
    headers: { origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": contentType },
    body,
  });
  const res = await handleInquiryPost(request, deps(over));
  return { status: res.status, text: await res.text() };
}

let serial = 0;
/** A valid inquiry, different each time (so never a double submission). */
const valid = (over: Record<string, unknown> = {}) => ({ ...validInquiry, name: `Ann ${serial++}`, ...over });

const postJson = (v: unknown) => post(JSON.stringify(v), "application/json");
const postForm = (fields: Record<string, string>) => post(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded");

/** Posts, expects a 400 naming exactly `fields`, and nothing stored. */
async function expectJsonRefused(v: unknown, fields: Record<string, string>) {
  const before = count("inquiries");
  const res = await postJson(v);
  expect(res.status, res.text).toBe(400);
  expect(JSON.parse(res.text)).toEqual({ error: "invalid", fields });
  expect(count("inquiries")).toBe(before);
}

describe("JSON bodies: no coercion", () => {
  it("control: a valid inquiry is stored (201)", async () => {
    expect((await postJson(valid())).status).toBe(201);
    expect(count("inquiries")).toBe(1);
  });

  it.each([0, 1, "no", "yes", "true", "false", "on", "", null, {}, [], [true], { value: true }])("voicemailOk %j is refused, never read as yes", async (v) => {
    await expectJsonRefused(valid({ voicemailOk: v }), { voicemailOk: v === null || v === "" ? m.voicemailOk.required : m.voicemailOk.wrong_type });
  });

  it.each(["no", "yes", "true", 1, {}, [true]])("consent %j is refused", async (v) => {
    await expectJsonRefused(valid({ consent: v }), { consent: m.consent.wrong_type });
  });

  it.each(["true", 1, { a: 1 }])("textOk %j is refused", async (v) => {
    await expectJsonRefused(valid({ textOk: v }), { textOk: m.textOk.wrong_type });
  });

  it("absent checkboxes are false", async () => {
    const { voicemailOk: _v, textOk: _t, ...rest } = valid();
    expect((await postJson(rest)).status).toBe(201);
    const { consent: _c, ...noConsent } = valid();
    await expectJsonRefused(noConsent, { consent: m.consent.invalid });
  });

  it.each(TEXT_FIELDS)("%s: a number, a boolean, an object or an array is refused with the field's wrong_type message", async (field) => {
    for (const v of [42, true, false, { a: 1 }, ["x"], [], {}, { toString: "Ann" }]) {
      const base = field === "organization" ? valid({ role: "professional", organization: "Clinic" }) : valid();
      await expectJsonRefused({ ...base, [field]: v }, { [field]: (m[field] as Record<string, string>).wrong_type });
    }
  });

  it("null is 'not given': accepted for optional text fields, 'required' for required ones", async () => {
    expect((await postJson(valid({ organization: null, email: null, insurance: null, message: null }))).status).toBe(201);
    await expectJsonRefused(valid({ name: null }), { name: m.name.required });
    await expectJsonRefused(valid({ role: null }), { role: m.role.required });
  });

  it("a filled honeypot of any type is still quarantined, as before (the bot sees success)", async () => {
    expect((await postJson(valid({ website: { a: 1 } }))).status).toBe(201);
    expect((store.db.prepare("SELECT status FROM inquiries").get() as { status: string }).status).toBe("quarantined");
  });

  it("fuzz: nested or wrong-typed values in any field always answer 400 (or 201 when valid), never throw, store nothing on 400", async () => {
    const wrong = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).filter((v) => typeof v === "object" && v !== null),
      fc.integer(),
      // Finite only: JSON writes Infinity and NaN as null, which is "not given" and rightly accepted.
      fc.double({ noDefaultInfinity: true, noNaN: true }),
      fc.boolean(),
      fc.constant(null),
      fc.string({ maxLength: 20 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...inquiryFields), wrong, async (field, v) => {
        const before = count("inquiries");
        // Only a professional's organization is read at all (anyone else's is ignored), so that is the one to fuzz.
        const res = await postJson(valid(field === "organization" ? { role: "professional", [field]: v } : { [field]: v }));
        expect([201, 400], res.text).toContain(res.status);
        if (res.status === 400) {
          expect(count("inquiries")).toBe(before);
          expect(Object.keys((JSON.parse(res.text) as { fields: object }).fields).length).toBeGreaterThan(0);
        } else {
          // Only a string (text fields) or a boolean (checkboxes) can ever be accepted.
          if ((CHECKBOXES as readonly string[]).includes(field)) expect(typeof v).toBe("boolean");
          else expect(v === null || typeof v === "string", `${field} ${JSON.stringify(v)}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("form bodies: a checkbox is ticked only by the form's own value", () => {
  const form = (over: Record<string, string> = {}) => validInquiryForm({ name: `Ann ${serial++}`, ...over });

  it('control: the form\'s value "yes" (and a browser\'s default "on") tick it', async () => {
    expect((await postForm(form())).status).toBe(303);
    expect((await postForm(form({ consent: "on", voicemailOk: "yes", textOk: "on" }))).status).toBe(303);
    expect(count("inquiries")).toBe(2);
  });

  it.each(["no", "0", "false", "true", "off", "YES", "1", " yes"])('voicemailOk=%j is a 400 naming the field, not a "yes"', async (v) => {
    const res = await postForm(form({ voicemailOk: v }));
    expect(res.status).toBe(400);
    expect(res.text).toBe("<p>voicemailOk</p>");
    expect(count("inquiries")).toBe(0);
  });

  it.each(["no", "false", "0"])("consent=%j is a 400 naming the field", async (v) => {
    const res = await postForm(form({ consent: v }));
    expect(res.status).toBe(400);
    expect(res.text).toBe("<p>consent</p>");
    expect(count("inquiries")).toBe(0);
  });
});

describe("the rate limit stores a keyed hash of the client address, never the address", () => {
  it("no client address appears in rate_limits; the bucket is the same for the same keyring, different per address", async () => {
    const addresses = ["203.0.113.77", "2001:db8::1", "127.0.0.1"];
    for (const a of addresses) expect((await post(JSON.stringify(valid()), "application/json", { clientAddress: a })).status).toBe(201);
    const buckets = (store.db.prepare("SELECT bucket FROM rate_limits").all() as { bucket: string }[]).map((r) => r.bucket);
    expect(buckets.length).toBe(3);
    const dump = JSON.stringify(store.db.prepare("SELECT * FROM rate_limits").all());
    for (const a of addresses) expect(dump).not.toContain(a);
    expect(dump).not.toContain("203.0.113");

    const keyring = parseKeyring(KEYS);
    expect(new Set(buckets)).toEqual(new Set(addresses.map((a) => rateLimitBucket(keyring, `ip:${a}`))));
    // Another process with the same keyring counts in the same bucket; another keyring, another bucket.
    expect(rateLimitBucket(parseKeyring(KEYS), "ip:203.0.113.77")).toBe(rateLimitBucket(keyring, "ip:203.0.113.77"));
    const other = parseKeyring(`k9:${crypto.randomBytes(32).toString("base64")}`);
    expect(rateLimitBucket(other, "ip:203.0.113.77")).not.toBe(rateLimitBucket(keyring, "ip:203.0.113.77"));
    expect(rateLimitBucket(keyring, "ip:203.0.113.77")).toMatch(/^h:[A-Za-z0-9_-]{43}$/);
  });

  it("still counts: the same address reaches the limit, another address does not", async () => {
    env = { ...env, RATE_LIMIT_MAX: 2 };
    expect((await postJson(valid())).status).toBe(201);
    expect((await postJson(valid())).status).toBe(201);
    expect((await postJson(valid())).status).toBe(429);
    expect((await post(JSON.stringify(valid()), "application/json", { clientAddress: "198.51.100.1" })).status).toBe(201);
  });
});

describe("originProblem compares byte for byte", () => {
  // A Headers object trims spaces and tabs itself (as HTTP parsing does), so the guard is asked directly.
  const headers = (origin: string) => ({ get: (n: string) => (n === "origin" ? origin : n === "sec-fetch-site" ? "same-origin" : null) }) as unknown as Headers;

  it("accepts only the exact origin: no surrounding or embedded whitespace, no case change", () => {
    expect(originProblem(headers(ORIGIN), [ORIGIN])).toBeNull();
    for (const o of [
      ` ${ORIGIN}`,
      `${ORIGIN} `,
      `\t${ORIGIN}`,
      `${ORIGIN}\t`,
      `${ORIGIN}\n`,
      `\u00a0${ORIGIN}`,
      `${ORIGIN}\u000b`,
      ORIGIN.toUpperCase(),
      `${ORIGIN}/`,
    ])
      expect(originProblem(headers(o), [ORIGIN]), JSON.stringify(o)).toBe(403);
  });
});

describe("the site language a form was sent from", () => {
  const es = inquiryTextEs.errors;
  const siteLocaleOf = () =>
    (store.db.prepare("SELECT site_locale FROM inquiries ORDER BY created_at DESC LIMIT 1").get() as { site_locale: string }).site_locale;

  it("answers a Spanish form's mistakes in Spanish, JSON and plain form alike, and renders the form again in Spanish", async () => {
    const res = await postJson(valid({ name: "", siteLocale: "es" }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ error: "invalid", fields: { name: es.name.required } });
    let rendered: unknown;
    const form = await post(new URLSearchParams({ role: "self", siteLocale: "es" }).toString(), "application/x-www-form-urlencoded", {
      renderForm: async (input) => {
        rendered = input;
        return "<p>form</p>";
      },
    });
    expect(form.status).toBe(400);
    expect(rendered).toMatchObject({ locale: "es", status: 400, errors: { name: es.name.required } });
  });

  it("stores the site language beside the inquiry and sends a plain form on to the thank-you page of its language", async () => {
    const fields = Object.fromEntries(
      Object.entries(valid())
        .map(([k, v]) => [k, v === true ? "yes" : String(v)])
        .filter(([, v]) => v !== "false"),
    );
    const request = new Request(`${ORIGIN}/api/inquiries`, {
      method: "POST",
      headers: { origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...fields, siteLocale: "es" }).toString(),
    });
    const res = await handleInquiryPost(request, deps());
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/es/contact/thanks");
    expect(siteLocaleOf()).toBe("es");
  });

  it("reads anything but a known locale as the hint (the Referer's), else English", async () => {
    expect((await postJson(valid({ siteLocale: "fr" }))).status).toBe(201);
    expect(siteLocaleOf()).toBe("en");
    expect((await post(JSON.stringify(valid({ siteLocale: 42 })), "application/json", { localeHint: "es" })).status).toBe(201);
    expect(siteLocaleOf()).toBe("es");
  });

  it("refuses a post from another origin in the hint's language", async () => {
    const request = new Request(`${ORIGIN}/api/inquiries`, {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: "role=self",
    });
    const res = await handleInquiryPost(request, deps({ localeHint: "es" }));
    expect(res.status).toBe(403);
    expect(await res.text()).toBe(strings("es").inquiryResponses.forbidden);
  });
});
