import fs from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, sampleInquiry, tempDir, type NextServer } from "../helpers/next-server";
import { startBuiltNext } from "../helpers/built-server";
import { countRows } from "../helpers/inquiry-db";
import { frameworkLeftovers } from "@/lib/build/next-output";
import { firstText, innerTextById, tagById, tags, within } from "../helpers/html";
import { inquiryText } from "@/lib/i18n/inquiry.en";
import { en } from "@/lib/i18n/en";
import { es } from "@/lib/i18n/es";
import { SITE_LOCALE_FIELD } from "@/lib/inquiries/schema";
import { errorMessages as e } from "../helpers/error-messages";

/** Distinct free ports, known before the tests are collected (the cross-site cases name the main one). */
const [MAIN_PORT, RATE_PORT, A_PORT, B_PORT] = await (async () => {
  const ports: number[] = [];
  while (ports.length < 4) {
    const p = await freePort();
    if (!ports.includes(p)) ports.push(p);
  }
  return ports;
})();

/**
 * What POST /api/inquiries refuses before anything is stored: cross-site posts, wrong content types, oversized
 * bodies, malformed and invalid input, and too many posts. Every refusal leaves the inquiries table as it was.
 *
 * Ports: free ones (freePort), as other suites may run servers at the same time: the main server, the rate
 * limit, and two processes on one database.
 */
/** Submitted in every field of many requests below; it must never reach a log line or a JSON answer. */
const CANARY = "Zanzibarcanary";

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/**
 * A POST with exactly the headers given (fetch would add or forbid some). `chunks` are written one by one;
 * without a content-length header node sends them with Transfer-Encoding: chunked. `query` follows the route's
 * path ("?lang=es", as the Spanish form's action has it).
 */
function rawPost(url: string, headers: Record<string, string>, body: string | string[], query = ""): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/api/inquiries${query}`, { method: "POST", headers });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(parts).toString("utf8") }));
      res.on("error", reject);
    });
    // The server may answer (413) and close before the whole body is written: that is not a test failure.
    req.on("error", (err) => {
      if (!answered) reject(err);
    });
    const chunks = typeof body === "string" ? [body] : body;
    (async () => {
      for (const c of chunks) {
        if (req.destroyed) return;
        const ok = req.write(c);
        if (!ok) await new Promise((r) => req.once("drain", r).once("close", r));
      }
      req.end();
    })().catch(() => {});
  });
}

const jsonHeaders = (server: Pick<NextServer, "url">, extra: Record<string, string> = {}) => ({
  origin: server.url,
  "sec-fetch-site": "same-origin",
  "content-type": "application/json",
  ...extra,
});

const formHeaders = (server: Pick<NextServer, "url">, extra: Record<string, string> = {}) => ({
  origin: server.url,
  "sec-fetch-site": "same-origin",
  "content-type": "application/x-www-form-urlencoded",
  ...extra,
});

/** A valid inquiry with the canary in every free-text field (and a distinct name, so it is never a duplicate). */
let serial = 0;
function canaryInquiry(): Record<string, unknown> {
  serial++;
  return sampleInquiry({
    role: "professional",
    name: `${CANARY} ${"abcdefghij"[serial % 10]}${"klmnopqrst"[Math.floor(serial / 10) % 10]}`,
    organization: `${CANARY} Clinic`,
    email: `${CANARY.toLowerCase()}@example.org`,
    insurance: `${CANARY} Health`,
    message: `${CANARY} says hello`,
  });
}

describe("POST /api/inquiries refuses", () => {
  let server: NextServer;
  const servers: NextServer[] = [];

  beforeAll(async () => {
    server = await startBuiltNext({ port: MAIN_PORT });
    servers.push(server);
  });
  afterAll(async () => {
    for (const s of servers) {
      await s.stop();
      fs.rmSync(s.dataDir, { recursive: true, force: true });
    }
  });

  const rows = () => countRows(server.dataDir, "inquiries");

  /** Posts, and checks the status and that nothing was stored. */
  async function expectRefused(status: number, headers: Record<string, string>, body: string | string[], query = ""): Promise<RawResponse> {
    const before = rows();
    const res = await rawPost(server.url, headers, body, query);
    expect(res.status, res.text.slice(0, 300)).toBe(status);
    expect(rows()).toBe(before);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.text).not.toContain(CANARY);
    return res;
  }

  it("accepts a valid same-origin post (the control for every refusal below)", async () => {
    const before = rows();
    const res = await rawPost(server.url, jsonHeaders(server), JSON.stringify(canaryInquiry()));
    expect(res.status).toBe(201);
    expect(rows()).toBe(before + 1);
    expect(res.text).not.toContain(CANARY);
  });

  describe("cross-site posts with 403", () => {
    const body = () => JSON.stringify(canaryInquiry());
    const port = MAIN_PORT;
    it.each([
      ["a foreign Origin", "https://evil.example"],
      ["a look-alike host", `http://127.0.0.1.evil.example:${port}`],
      ["a scheme mismatch", `https://127.0.0.1:${port}`],
      ["a port mismatch", `http://127.0.0.1:${port + 1}`],
      ["the origin with a trailing slash", `http://127.0.0.1:${port}/`],
      ["localhost instead of the configured host", `http://localhost:${port}`],
    ])("%s", async (_what, origin) => {
      const res = await expectRefused(403, jsonHeaders(server, { origin }), body());
      expect(JSON.parse(res.text)).toEqual({ error: "forbidden" });
    });

    // guard.ts accepts "null" only together with Sec-Fetch-Site: same-origin (what browsers send for a same-origin
    // form post under our Referrer-Policy: no-referrer); from a script or another site it is refused.
    it("Origin: null without Fetch Metadata", async () => {
      const { "sec-fetch-site": _s, ...headers } = jsonHeaders(server, { origin: "null" });
      const res = await expectRefused(403, headers, body());
      expect(JSON.parse(res.text)).toEqual({ error: "forbidden" });
    });

    it("Origin: null from another site", async () => {
      await expectRefused(403, jsonHeaders(server, { origin: "null", "sec-fetch-site": "cross-site" }), body());
    });

    it("a foreign Origin without Fetch Metadata", async () => {
      const { "sec-fetch-site": _s, ...headers } = jsonHeaders(server, { origin: "https://evil.example" });
      await expectRefused(403, headers, body());
    });

    it("a missing Origin", async () => {
      const { origin: _o, ...headers } = jsonHeaders(server);
      await expectRefused(403, headers, body());
      const { origin: _o2, "sec-fetch-site": _s, ...bare } = jsonHeaders(server);
      await expectRefused(403, bare, body());
    });

    it.each(["cross-site", "same-site", "none"])("Sec-Fetch-Site: %s with the right Origin", async (site) => {
      await expectRefused(403, jsonHeaders(server, { "sec-fetch-site": site }), body());
    });

    it("a browser form post from another site (plain-text answer)", async () => {
      const res = await expectRefused(403, formHeaders(server, { origin: "https://evil.example", "sec-fetch-site": "cross-site" }), "name=x");
      expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    });
  });

  describe("other content types with 415", () => {
    it.each([
      ["text/plain with a JSON body", "text/plain"],
      ["application/xml", "application/xml"],
      ["text/html", "text/html"],
      ["application/jsonp (not JSON)", "application/jsonp"],
    ])("%s", async (_what, type) => {
      await expectRefused(
        415,
        jsonHeaders(server, { "content-type": type }),
        type === "application/xml" ? `<inquiry><name>${CANARY}</name></inquiry>` : JSON.stringify(canaryInquiry()),
      );
    });

    it("no content type at all", async () => {
      const { "content-type": _c, ...headers } = jsonHeaders(server);
      await expectRefused(415, headers, JSON.stringify(canaryInquiry()));
    });
  });

  describe("bodies over 32 KiB with 413", () => {
    const big = () => JSON.stringify({ ...canaryInquiry(), message: "x".repeat(40 * 1024) });

    it("declared by Content-Length", async () => {
      const body = big();
      const res = await expectRefused(413, jsonHeaders(server, { "content-length": String(Buffer.byteLength(body)) }), body);
      expect(JSON.parse(res.text)).toEqual({ error: "too_large" });
    });

    it("streamed in chunks without Content-Length", async () => {
      const body = big();
      const chunks: string[] = [];
      for (let i = 0; i < body.length; i += 4096) chunks.push(body.slice(i, i + 4096));
      expect(chunks.length).toBeGreaterThan(8);
      const res = await expectRefused(413, jsonHeaders(server, { "transfer-encoding": "chunked" }), chunks);
      expect(JSON.parse(res.text)).toEqual({ error: "too_large" });
    });

    it("a chunked body just under the limit is read and accepted (control)", async () => {
      const body = JSON.stringify({ ...canaryInquiry(), message: `${CANARY} ${"y".repeat(900)}` });
      const chunks = [body.slice(0, 100), body.slice(100, 500), body.slice(500)];
      const before = rows();
      const res = await rawPost(server.url, jsonHeaders(server, { "transfer-encoding": "chunked" }), chunks);
      expect(res.status).toBe(201);
      expect(rows()).toBe(before + 1);
    });

    it("a multipart form over the limit, and a small multipart form is accepted (control)", async () => {
      const multipart = (fields: Record<string, string>) => {
        const boundary = "----iopTestBoundary7MA4YWxkTrZu0gW";
        const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
        return { body: `${parts.join("")}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
      };
      const fields = Object.fromEntries(Object.entries(canaryInquiry()).map(([k, v]) => [k, v === true ? "yes" : v === false ? "" : String(v)]));
      const big = multipart({ ...fields, message: "m".repeat(40 * 1024) });
      await expectRefused(413, formHeaders(server, { "content-type": big.type }), big.body);

      const small = multipart(fields);
      const before = rows();
      const res = await rawPost(server.url, formHeaders(server, { "content-type": small.type }), small.body);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe("/contact/thanks");
      expect(rows()).toBe(before + 1);
    });

    it("a browser form over the limit", async () => {
      const body = new URLSearchParams({ name: CANARY, message: "z".repeat(33 * 1024) }).toString();
      const res = await expectRefused(413, formHeaders(server), body);
      expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    });
  });

  describe("malformed input with 400", () => {
    it.each([
      ["invalid JSON", `{"name": "${CANARY}", `],
      ["a JSON array", JSON.stringify([CANARY])],
      ["a JSON string", JSON.stringify(CANARY)],
      ["JSON null", "null"],
      ["an empty body", ""],
    ])("%s", async (_what, body) => {
      const res = await expectRefused(400, jsonHeaders(server), body);
      expect(JSON.parse(res.text)).toEqual({ error: "malformed" });
    });

    it("invalid UTF-8", async () => {
      const res = await new Promise<RawResponse>((resolve, reject) => {
        const req = http.request(`${server.url}/api/inquiries`, { method: "POST", headers: jsonHeaders(server) }, (r) => {
          const parts: Buffer[] = [];
          r.on("data", (c: Buffer) => parts.push(c));
          r.on("end", () => resolve({ status: r.statusCode!, headers: r.headers, text: Buffer.concat(parts).toString("utf8") }));
        });
        req.on("error", reject);
        req.end(Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
      });
      expect(res.status).toBe(400);
    });
  });

  describe("invalid inquiries with 400", () => {
    it("as JSON: field names and messages, never the submitted values", async () => {
      const invalid = {
        role: CANARY,
        name: `${CANARY}\n${CANARY}`,
        organization: `${CANARY} `.repeat(10),
        phone: CANARY,
        email: `${CANARY}@`,
        contactMethod: CANARY,
        bestTime: CANARY,
        voicemailOk: false,
        textOk: false,
        language: CANARY,
        insurance: `${CANARY} 12345678`,
        message: `${CANARY}\u0001`,
        consent: false,
        website: CANARY,
      };
      const res = await expectRefused(400, jsonHeaders(server), JSON.stringify(invalid));
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      const body = JSON.parse(res.text) as { error: string; fields: Record<string, string> };
      expect(body.error).toBe("invalid");
      // No organization error: it is judged for a professional only, and this role is no role at all.
      expect(body.fields).toEqual({
        role: e.role,
        name: e.singleLine,
        phone: e.phone,
        email: e.email,
        contactMethod: e.contactMethod,
        bestTime: e.bestTime,
        language: e.language,
        insurance: e.insurance,
        message: e.controlChars,
        consent: e.consent,
      });
      expect(res.text).not.toContain(CANARY);
      expect(res.text.toLowerCase()).not.toContain(CANARY.toLowerCase());
    });

    it("as JSON: a missing required field and cross-field rules", async () => {
      const res = await expectRefused(
        400,
        jsonHeaders(server),
        JSON.stringify(sampleInquiry({ name: "", phone: "", email: `${CANARY}@example.org`, contactMethod: "text", consent: false })),
      );
      const body = JSON.parse(res.text) as { fields: Record<string, string> };
      expect(body.fields).toEqual({ name: e.name, phone: e.needPhone, textOk: e.needTextOk, consent: e.consent });
    });

    it("as a browser form: the page again, with an error summary, the person's input kept and the errors linked", async () => {
      const values = {
        role: "loved-one",
        name: "",
        organization: `${CANARY} & "Sons"`,
        phone: "12",
        email: `${CANARY}-not-an-email`,
        contactMethod: "email",
        bestTime: "evening",
        voicemailOk: "yes",
        language: "es",
        insurance: `${CANARY} <Health>`,
        message: `${CANARY}: line one\nline <two> & 'three'`,
        website: "",
      };
      const res = await expectRefusedHtml(values);
      const html = res.text;
      expect(res.headers["content-type"]).toMatch(/^text\/html/);

      // Title and error summary.
      expect(firstText(html, "title")).toMatch(/^Error: /);
      expect(tagById(html, "error-summary")).toBeDefined();
      expect(html).toContain(e.name);
      expect(html).toContain(e.phone);
      expect(html).toContain(e.email);
      expect(html).toContain(e.consent);

      // Input kept.
      expect(tagById(html, "inquiry-organization")?.attrs.value).toBe(values.organization);
      expect(tagById(html, "inquiry-phone")?.attrs.value).toBe("12");
      expect(tagById(html, "inquiry-email")?.attrs.value).toBe(values.email);
      expect(tagById(html, "inquiry-insurance")?.attrs.value).toBe(values.insurance);
      expect(innerTextById(html, "textarea", "inquiry-message")).toBe(values.message);
      expect(tagById(html, "inquiry-role-loved-one")?.attrs).toHaveProperty("checked");
      expect(tagById(html, "inquiry-role-self")?.attrs).not.toHaveProperty("checked");
      expect(tagById(html, "inquiry-contactMethod-email")?.attrs).toHaveProperty("checked");
      expect(tagById(html, "inquiry-contactMethod-phone")?.attrs).not.toHaveProperty("checked");
      expect(tagById(html, "inquiry-voicemailOk")?.attrs).toHaveProperty("checked");
      expect(tagById(html, "inquiry-textOk")?.attrs).not.toHaveProperty("checked");
      expect(tagById(html, "inquiry-consent")?.attrs).not.toHaveProperty("checked");
      const selected = (name: string) =>
        within(html, tagById(html, `inquiry-${name}`)!, "option")
          .filter((o) => "selected" in o.attrs)
          .map((o) => o.attrs.value);
      expect(selected("bestTime")).toEqual(["evening"]);
      expect(selected("language")).toEqual(["es"]);
      // The honeypot is never echoed.
      expect(tagById(html, "inquiry-website")?.attrs.value ?? "").toBe("");

      // Wrong fields are marked and point at their messages; right ones are not.
      for (const f of ["name", "phone", "email", "consent"]) {
        const input = tagById(html, `inquiry-${f}`)!;
        expect(input.attrs["aria-invalid"], f).toBe("true");
        const describedBy = (input.attrs["aria-describedby"] ?? "").split(/\s+/);
        expect(describedBy, f).toContain(`inquiry-${f}-error`);
        for (const ref of describedBy) expect(tagById(html, ref), `${f} → #${ref}`).toBeDefined();
        expect(innerTextById(html, "p", `inquiry-${f}-error`)).toContain((e as Record<string, string>)[f]);
      }
      for (const f of ["organization", "insurance", "message"]) expect(tagById(html, `inquiry-${f}`)!.attrs["aria-invalid"], f).toBeUndefined();
      // Error summary links go to fields that exist.
      for (const a of within(html, tagById(html, "error-summary")!, "a").slice(0, 4)) {
        expect(a.attrs.href).toMatch(/^#inquiry-/);
        expect(tagById(html, a.attrs.href.slice(1)), a.attrs.href).toBeDefined();
      }

      // This copy of the page runs no script (it is served under the API policy): only structured data may remain.
      for (const s of tags(html, "script")) expect(s.attrs.type, s.raw).toBe("application/ld+json");
      expect(html).not.toContain("__next_f");
      expect(frameworkLeftovers(html)).toEqual([]);
      // The form still posts to the route without JavaScript.
      const form = tagById(html, "inquiry-form")!;
      expect(form.attrs).toMatchObject({ method: "post", action: "/api/inquiries" });
    });

    async function expectRefusedHtml(values: Record<string, string>) {
      const before = rows();
      const res = await rawPost(server.url, formHeaders(server), new URLSearchParams(values).toString());
      expect(res.status).toBe(400);
      expect(rows()).toBe(before);
      return res;
    }
  });

  describe("the form's language, carried in its action (the site sends no Referer)", () => {
    /** A GET or HEAD of the route's address, with a query; the answer's status and Location. */
    const visit = (query: string, method = "GET") =>
      new Promise<{ status: number; location: string | undefined; length: number }>((resolve, reject) => {
        const req = http.request(`${server.url}/api/inquiries${query}`, { method }, (res) => {
          const parts: Buffer[] = [];
          res.on("data", (c: Buffer) => parts.push(c));
          res.on("end", () => resolve({ status: res.statusCode!, location: res.headers.location, length: Buffer.concat(parts).length }));
        });
        req.on("error", reject);
        req.end();
      });

    it("the Spanish page's form posts to /api/inquiries?lang=es, the English one to /api/inquiries", async () => {
      const action = async (page: string) => tagById(await (await fetch(`${server.url}${page}`)).text(), "inquiry-form")?.attrs.action;
      expect(await action("/contact")).toBe("/api/inquiries");
      expect(await action("/es/contact")).toBe("/api/inquiries?lang=es");
    });

    it.each([
      ["", "/contact"],
      ["?lang=es", "/es/contact"],
      ["?lang=en", "/contact"],
      ["?lang=xx", "/contact"],
      ["?lang=ES", "/contact"],
      ["?lang=es&lang=en", "/contact"],
      ["?lang=", "/contact"],
    ])("GET and HEAD of /api/inquiries%s answer 303 to %s, with no body and nothing stored", async (query, location) => {
      const before = rows();
      for (const method of ["GET", "HEAD"]) {
        const res = await visit(query, method);
        expect(res.status, `${method} ${query}`).toBe(303);
        expect(res.location, `${method} ${query}`).toBe(location);
        expect(res.length).toBe(0);
      }
      expect(rows()).toBe(before);
    });

    it("refuses a Spanish form's post in Spanish before reading its body (403, 415, 413), an unknown language in English", async () => {
      const spanish = "?lang=es";
      const forbidden = await expectRefused(403, formHeaders(server, { origin: "https://evil.example", "sec-fetch-site": "cross-site" }), "name=x", spanish);
      expect(forbidden.text).toBe(es.inquiryResponses.forbidden);
      const unsupported = await expectRefused(415, formHeaders(server, { "content-type": "text/plain" }), "name=x", spanish);
      expect(unsupported.text).toBe(es.inquiryResponses.unsupportedType);
      expect(unsupported.headers["content-type"]).toMatch(/^text\/plain; charset=utf-8/);
      const big = new URLSearchParams({ name: CANARY, message: "z".repeat(33 * 1024) }).toString();
      expect((await expectRefused(413, formHeaders(server), big, spanish)).text).toBe(es.inquiryResponses.tooLarge);
      // The same refusals without a language, or with one the site does not have, are in English.
      for (const query of ["", "?lang=xx"]) {
        expect((await expectRefused(415, formHeaders(server, { "content-type": "text/plain" }), "name=x", query)).text).toBe(
          en.inquiryResponses.unsupportedType,
        );
        expect((await expectRefused(413, formHeaders(server), big, query)).text).toBe(en.inquiryResponses.tooLarge);
      }
    });

    it("accepts a Spanish form's post at its action and sends the person to the Spanish thank-you page", async () => {
      const before = rows();
      const fields = Object.entries(canaryInquiry())
        .filter(([, v]) => v !== false)
        .map(([k, v]) => [k, v === true ? "on" : String(v)]);
      const res = await rawPost(server.url, formHeaders(server), new URLSearchParams([...fields, [SITE_LOCALE_FIELD, "es"]]).toString(), "?lang=es");
      expect(res.status, res.text.slice(0, 300)).toBe(303);
      expect(res.headers.location).toBe("/es/contact/thanks");
      expect(rows()).toBe(before + 1);
    });
  });

  it("never prints what people typed (server output checked after every request above)", () => {
    expect(server.output()).toContain("inquiry.refused");
    expect(server.output()).toContain("inquiry.invalid");
    expect(server.output()).not.toContain(CANARY);
    expect(server.output().toLowerCase()).not.toContain(CANARY.toLowerCase());
  });
});

describe("rate limit", () => {
  const started: NextServer[] = [];
  afterAll(async () => {
    for (const s of started) await s.stop();
    for (const dir of new Set(started.map((s) => s.dataDir))) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers the post after the limit with 429 and Retry-After, and spoofed address headers do not reset it", async () => {
    const server = await startBuiltNext({ port: RATE_PORT, env: { RATE_LIMIT_MAX: "3" } });
    started.push(server);
    const post = (extra: Record<string, string> = {}) => rawPost(server.url, jsonHeaders(server, extra), JSON.stringify(canaryInquiry()));

    for (let i = 0; i < 3; i++) expect((await post()).status).toBe(201);
    expect(countRows(server.dataDir, "inquiries")).toBe(3);

    const limited = await post();
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.text)).toEqual({ error: "rate_limited" });
    const retryAfter = limited.headers["retry-after"];
    expect(retryAfter).toMatch(/^[1-9]\d*$/);
    expect(Number(retryAfter)).toBeLessThanOrEqual(600);

    const spoofs: Record<string, string>[] = [
      { "x-forwarded-for": "203.0.113.7" },
      { "x-iop-peer-address": "203.0.113.8" },
      { "x-forwarded-for": "203.0.113.9", "x-iop-peer-address": "203.0.113.9", "x-real-ip": "203.0.113.9" },
    ];
    for (const spoof of spoofs) {
      const res = await post(spoof);
      expect(res.status, JSON.stringify(spoof)).toBe(429);
    }
    expect(countRows(server.dataDir, "inquiries")).toBe(3);

    // A browser without JavaScript gets the form back, with its input and a notice, not a bare error.
    const form = new URLSearchParams({
      ...Object.fromEntries(Object.entries(canaryInquiry()).map(([k, v]) => [k, String(v)])),
      voicemailOk: "",
      textOk: "",
      consent: "yes",
    });
    const browser = await rawPost(server.url, formHeaders(server), form.toString());
    expect(browser.status).toBe(429);
    expect(browser.headers["retry-after"]).toMatch(/^[1-9]\d*$/);
    expect(browser.headers["content-type"]).toMatch(/^text\/html/);
    expect(browser.text).toContain(inquiryText.rateLimited.replace(/'/g, "&#x27;"));
    expect(tagById(browser.text, "inquiry-name")?.attrs.value).toBe(form.get("name"));
    expect(countRows(server.dataDir, "inquiries")).toBe(3);
    expect(server.output()).not.toContain(CANARY);
  });

  it("is shared by two server processes on one database", async () => {
    const dataDir = tempDir();
    const origin = `http://127.0.0.1:${A_PORT}`;
    const env = { RATE_LIMIT_MAX: "3", SITE_ORIGIN: origin };
    const a = await startBuiltNext({ port: A_PORT, env, dataDir });
    started.push(a);
    const b = await startBuiltNext({ port: B_PORT, env, dataDir });
    started.push(b);

    const statuses: Record<string, number[]> = { a: [], b: [] };
    for (let i = 0; i < 8; i++) {
      const [name, s] = i % 2 === 0 ? ["a", a] : ["b", b];
      const res = await rawPost(s.url, jsonHeaders({ url: origin }), JSON.stringify(canaryInquiry()));
      statuses[name].push(res.status);
    }
    const all = [...statuses.a, ...statuses.b];
    expect(all.filter((s) => s === 201)).toHaveLength(3);
    expect(all.filter((s) => s === 429)).toHaveLength(5);
    // Both processes accepted some and refused some: they counted together.
    expect(statuses.a).toContain(201);
    expect(statuses.b).toContain(201);
    expect(statuses.a).toContain(429);
    expect(statuses.b).toContain(429);
    expect(countRows(dataDir, "inquiries")).toBe(3);
    for (const s of [a, b]) expect(s.output()).not.toContain(CANARY);
  });
});

describe("the no-JavaScript error page", () => {
  let server: NextServer;
  beforeAll(async () => {
    server = await startBuiltNext({ port: await freePort() });
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  });

  it("is a whole page from the shared renderer: the site's body, crisis help and stylesheet, every value kept, no script", async () => {
    const res = await rawPost(server.url, formHeaders(server), "role=self&name=&phone=555-010-0123&message=Kept%20text");
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.headers["cache-control"]).toBe("no-store");
    const html = res.text;
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(tags(html, "html")[0].attrs.lang).toBe("en");
    expect(firstText(html, "title")).toMatch(/^Error: /);
    expect(tags(html, "meta").some((m) => m.attrs.name === "robots" && m.attrs.content === "noindex")).toBe(true);
    // The same stylesheet file the prerendered pages link, and nothing executable.
    const sheets = tags(html, "link").filter((l) => l.attrs.rel === "stylesheet");
    expect(sheets.map((l) => l.attrs.href.split("?")[0])).toEqual(["/assets/site.css"]);
    expect(tags(html, "script")).toEqual([]);
    // The site's body: skip link, header with the crisis strip, main, footer.
    expect(tagById(html, "main")?.name).toBe("main");
    expect(tags(html, "header")).toHaveLength(1);
    expect(tags(html, "footer")).toHaveLength(1);
    expect(tags(html, "a").some((a) => a.attrs.href === "tel:988")).toBe(true);
    expect(tags(html, "a").some((a) => a.attrs.href === "tel:911")).toBe(true);
    // The form again, with the error and every value.
    expect(tagById(html, "error-summary")).toBeDefined();
    expect(tagById(html, "inquiry-phone")?.attrs.value).toBe("555-010-0123");
    expect(innerTextById(html, "textarea", "inquiry-message")).toBe("Kept text");
  });
});
