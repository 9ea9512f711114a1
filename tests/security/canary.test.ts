import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAIL_SUBJECT } from "@/lib/inquiries/mail";
import { freePort, sampleInquiry, startNext, waitFor, type NextServer } from "../helpers/next-server";
import { startPostgres, type TestPostgres } from "../helpers/postgres";
import type { SmtpSink } from "../helpers/smtp-sink";
import { countRows, inquiryRows, outboxRows, withDb } from "../helpers/inquiry-db";
import { mailHeaderLines, randomHex, rawRequest, startServerWithSink, type RawResponse } from "./helpers";
import { TSX_SERVER_ARGS } from "../../scripts/lib/bin.mjs";

/**
 * A canary string typed into every free-text field must reach intake staff (the email body) and nowhere else:
 * not the server's output, not any response, not an email header (except Reply-To, which is the address the
 * person gave), and never in clear text on disk. After a purge, the encrypted rows themselves are gone from disk.
 *
 * Ports: free ones (the SMTP sink too).
 */
// A free port: other processes may hold any fixed one.
const PORT = await freePort();
const MAIL_FROM = "website-canary@iop-test.example.net";
const MAIL_TO = "intake-canary@iop-test.example.net";
const root = path.resolve(__dirname, "..", "..");

/**
 * CANARY + random hex, with the digits spelled as letters: the insurance field refuses anything that looks like a
 * member ID (a run with several digits), and the canary must be accepted there too.
 */
const CANARY = `CANARY${randomHex(8).replace(/[0-9]/g, (d) => "ghijklmnop"[Number(d)])}`;
const CANARY_EMAIL = `${CANARY}@example.org`;

/** Every way the canary could be written out: as typed, in other cases, UTF-16, base64 of the text, URL-encoded. */
const needles: { label: string; bytes: Buffer }[] = [
  { label: "utf8", bytes: Buffer.from(CANARY, "utf8") },
  { label: "lower case", bytes: Buffer.from(CANARY.toLowerCase(), "utf8") },
  { label: "upper case", bytes: Buffer.from(CANARY.toUpperCase(), "utf8") },
  { label: "utf16le", bytes: Buffer.from(CANARY, "utf16le") },
  // Base64 of a string depends on its alignment: any of the three alignments would show this core.
  ...[0, 1, 2].map((shift) => {
    const b64 = Buffer.from("xx".slice(0, shift) + CANARY).toString("base64");
    return { label: `base64 (shift ${shift})`, bytes: Buffer.from(b64.slice(4, -4), "utf8") };
  }),
];

function findCanary(haystack: Buffer | string): string[] {
  const buf = typeof haystack === "string" ? Buffer.from(haystack, "utf8") : haystack;
  return needles.filter((n) => buf.includes(n.bytes)).map((n) => n.label);
}

/** Every file in the data folder (the database, its -wal and -shm, the key file, anything else), raw. */
function dataFiles(dir: string): { name: string; bytes: Buffer }[] {
  const out: { name: string; bytes: Buffer }[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push({ name: path.relative(dir, p), bytes: fs.readFileSync(p) });
    }
  };
  walk(dir);
  return out;
}

let sink: SmtpSink;
let server: NextServer;
const responses: { label: string; res: RawResponse }[] = [];

async function post(label: string, contentType: string, body: string, headers: Record<string, string> = {}) {
  const res = await rawRequest(`${server.url}/api/inquiries`, {
    method: "POST",
    headers: { origin: server.url, "sec-fetch-site": "same-origin", "content-type": contentType, ...headers },
    body,
  });
  responses.push({ label, res });
  return res;
}

beforeAll(async () => {
  ({ server, sink } = await startServerWithSink(PORT, { MAIL_FROM, MAIL_TO, RATE_LIMIT_MAX: "1000" }));
});

afterAll(async () => {
  await server?.stop("SIGKILL");
  await sink?.close();
});

const canaryInquiry = (role: string, extra: Record<string, unknown> = {}) =>
  sampleInquiry({
    role,
    name: `Pat ${CANARY}`,
    organization: `Clinic ${CANARY}`,
    email: CANARY_EMAIL,
    contactMethod: "email",
    insurance: `Plan ${CANARY}`,
    message: `Hello ${CANARY}\nsecond line ${CANARY}`,
    ...extra,
  });

describe("a canary in every free-text field goes to staff and nowhere else", () => {
  it("submits accepted, invalid, honeypot and refused inquiries carrying the canary", async () => {
    expect((await post("valid JSON", "application/json", JSON.stringify(canaryInquiry("professional")))).status).toBe(201);

    const form = Object.entries(canaryInquiry("loved-one", { name: `Sam ${CANARY}` })).flatMap(([k, v]) =>
      v === false ? [] : [[k, v === true ? "on" : String(v)]],
    );
    expect((await post("valid form (no JS)", "application/x-www-form-urlencoded", new URLSearchParams(form).toString())).status).toBe(303);

    // Invalid: the canary in every field, each wrong in its own way (line breaks, not an enum, not an email, …).
    const everyField = {
      role: CANARY,
      name: `${CANARY}\r\nBcc: ${CANARY}@evil.example`,
      organization: `${CANARY}\u0000`,
      phone: CANARY,
      email: `${CANARY}@`,
      contactMethod: CANARY,
      bestTime: CANARY,
      voicemailOk: CANARY,
      textOk: CANARY,
      language: CANARY,
      insurance: `${CANARY} 123456789`,
      message: `${CANARY}\u0007`,
      consent: CANARY,
      website: CANARY,
    };
    const invalid = await post("invalid JSON, canary in every field", "application/json", JSON.stringify(everyField));
    expect(invalid.status).toBe(400);
    expect(Object.keys((JSON.parse(invalid.body.toString("utf8")) as { fields: Record<string, string> }).fields).length).toBeGreaterThan(5);

    // Honeypot: a bot sees success, the inquiry is quarantined and never mailed.
    expect(
      (await post("honeypot JSON", "application/json", JSON.stringify(canaryInquiry("self", { name: `Bot ${CANARY}`, website: `https://${CANARY}.example` }))))
        .status,
    ).toBe(201);

    // Refusals before and during parsing must not echo anything either.
    expect((await post("malformed JSON", "application/json", `{"name": "${CANARY}", `)).status).toBe(400);
    expect((await post("too large", "application/json", JSON.stringify(canaryInquiry("self", { message: `${CANARY} `.repeat(2000) })))).status).toBe(413);
    expect((await post("wrong content type", "text/plain", JSON.stringify(canaryInquiry("self")))).status).toBe(415);
    expect(
      (await post("cross-site", "application/json", JSON.stringify(canaryInquiry("self")), { origin: "https://evil.example", "sec-fetch-site": "cross-site" }))
        .status,
    ).toBe(403);
    expect(
      (await post("bad idempotency key", "application/json", JSON.stringify(canaryInquiry("self", { name: `Key ${CANARY}` })), { "idempotency-key": "short" }))
        .status,
    ).toBe(400);

    const rows = inquiryRows(server.dataDir);
    expect(rows.map((r) => r.status).sort()).toEqual(["accepted", "accepted", "quarantined"]);
  });

  it("staff receive the canary in the body, and in no header but Reply-To", async () => {
    await waitFor(() => sink.messages.length >= 2, "two staff emails");
    await waitFor(() => outboxRows(server.dataDir).every((o) => o.state === "sent"), "every outbox entry sent");
    // Give the worker a few polls: the quarantined honeypot must not be mailed late.
    await new Promise((r) => setTimeout(r, 800));
    expect(sink.messages).toHaveLength(2);
    for (const { raw, parsed } of sink.messages) {
      // Positive control: the canary really is in what was submitted and delivered.
      expect(parsed.text).toMatch(new RegExp(`Name: (Pat|Sam) ${CANARY}`));
      // Only a professional is asked for an organization; the loved one's (Sam's) is not kept.
      if (parsed.text?.includes(`Name: Pat ${CANARY}`)) expect(parsed.text).toContain(`Organization: Clinic ${CANARY}`);
      else expect(parsed.text).not.toContain("Organization:");
      expect(parsed.text).toContain(`Plan ${CANARY}`);
      expect(parsed.subject).toBe(MAIL_SUBJECT);

      const headers = mailHeaderLines(raw);
      const subject = headers.filter((h) => h.name.toLowerCase() === "subject");
      expect(subject.map((h) => h.value)).toEqual(["New website inquiry"]);
      for (const h of headers) {
        if (h.name.toLowerCase() === "reply-to") {
          expect(h.value).toBe(CANARY_EMAIL);
          continue;
        }
        expect(findCanary(`${h.name}: ${h.value}`), `header ${h.name}`).toEqual([]);
      }
      // Decoded header values too (an encoded word would hide the canary from the raw check above).
      for (const [name, value] of parsed.headers) {
        if (name === "reply-to") continue;
        expect(findCanary(JSON.stringify(value)), `decoded header ${name}`).toEqual([]);
      }
      expect(parsed.replyTo?.value.map((a) => a.address)).toEqual([CANARY_EMAIL]);
    }
  });

  it("no response body or header contains the canary", () => {
    expect(responses.length).toBeGreaterThanOrEqual(9);
    for (const { label, res } of responses) {
      expect(findCanary(res.body), `${label}: body`).toEqual([]);
      expect(findCanary(res.rawHeaders.join("\n")), `${label}: headers`).toEqual([]);
    }
  });

  it("the server's output (logs) never contains the canary", () => {
    const out = server.output();
    expect(out).toMatch(/inquiry\.stored/);
    expect(out).toMatch(/delivery\.sent/);
    expect(findCanary(out)).toEqual([]);
  });

  it("the data folder never holds the canary in clear text (database, -wal, -shm, anything else)", () => {
    const files = dataFiles(server.dataDir);
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(["inquiries.db", "inquiries.db-wal", "inquiries.db-shm"]));
    for (const f of files) expect(findCanary(f.bytes), f.name).toEqual([]);
  });
});

describe("after delivery and a purge, the canary's encrypted rows are gone from disk", () => {
  let payloads: Buffer[] = [];

  it("purges every delivered and quarantined inquiry with the operator command", async () => {
    expect(outboxRows(server.dataDir).map((o) => o.state)).toEqual(["sent", "sent"]);
    payloads = inquiryRows(server.dataDir).map((r) => Buffer.from(r.payload));
    expect(payloads).toHaveLength(3);
    // Ciphertext is on disk now (the rows exist): the check after the purge can find it if it lingers.
    const before = Buffer.concat(dataFiles(server.dataDir).map((f) => f.bytes));
    expect(payloads.every((p) => before.includes(p.subarray(28)))).toBe(true);

    await server.stop("SIGTERM");
    const cli = path.join(root, "scripts", "operations", "inquiries.ts");
    let output: string;
    if (fs.existsSync(cli)) {
      const r = spawnSync(process.execPath, [...TSX_SERVER_ARGS, cli, "purge", "--days", "0"], {
        cwd: root,
        env: { ...process.env, DATA_DIR: server.dataDir, NODE_ENV: "production" },
        encoding: "utf8",
        timeout: 60_000,
      });
      output = `${r.stdout}${r.stderr}`;
      expect(r.status, output).toBe(0);
      expect(output).toMatch(/purged 3 inquiries/);
    } else {
      const { openInquiryStore } = await import("@/lib/inquiries/store/open");
      const store = await openInquiryStore({ dataDir: server.dataDir, mustExist: true });
      const n = await store.purge(Date.now() + 1);
      await store.close();
      output = `purged ${n}`;
      expect(n).toBe(3);
    }
    expect(findCanary(output)).toEqual([]);
  });

  it("no inquiry or outbox row is left", () => {
    expect(countRows(server.dataDir, "inquiries")).toBe(0);
    expect(countRows(server.dataDir, "outbox")).toBe(0);
    expect(withDb(server.dataDir, (db) => (db.prepare("SELECT COUNT(*) AS n FROM inquiries WHERE payload IS NOT NULL").get() as { n: number }).n)).toBe(0);
  });

  it("neither the canary nor the encrypted payloads remain in any file", () => {
    const files = dataFiles(server.dataDir);
    expect(files.some((f) => f.name === "inquiries.db")).toBe(true);
    for (const f of files) {
      expect(findCanary(f.bytes), f.name).toEqual([]);
      // secure_delete and the WAL checkpoint must have overwritten the ciphertext, not just unlinked the rows.
      const lingering = payloads.filter((p) => f.bytes.includes(p.subarray(28)));
      expect(lingering.length, `${f.name} still holds ${lingering.length} encrypted payload(s)`).toBe(0);
    }
  });
});

/**
 * DATABASE_URL holds the database password: it must never appear in anything a server or the operator command
 * prints, also when the database fails (pg's errors can carry connection details). The password is a canary of its
 * own, searched for in every encoding above; the same for the whole URL and SMTP_URL.
 */
describe("a password in DATABASE_URL never reaches the output", () => {
  const PG_PASSWORD = `${CANARY}Pw`;
  const WRONG_PASSWORD = `${CANARY}Wrong`;
  const KEYS = `k1:${Buffer.from(randomHex(32), "hex").toString("base64")}`;
  const secretNeedles = (url: string, smtpUrl: string) => [PG_PASSWORD, encodeURIComponent(PG_PASSWORD), WRONG_PASSWORD, url, smtpUrl];
  let pgServer: TestPostgres;
  let pgSite: NextServer | undefined;
  let pgSink: SmtpSink | undefined;
  let wrongSite: NextServer | undefined;

  beforeAll(async () => {
    pgServer = await startPostgres({ password: PG_PASSWORD });
  }, 60_000);
  afterAll(async () => {
    await pgSite?.stop("SIGKILL");
    await wrongSite?.stop("SIGKILL");
    await pgSink?.close();
    await pgServer?.destroy();
  });

  it("through storing, delivering, the database stopping and starting again, a wrong password, and the operator command", async () => {
    const { url } = await pgServer.createDatabase();
    expect(url).toContain(encodeURIComponent(PG_PASSWORD));
    ({ server: pgSite, sink: pgSink } = await startServerWithSink(await freePort(), {
      MAIL_FROM,
      MAIL_TO,
      DATABASE_URL: url,
      INQUIRY_KEYS: KEYS,
      HEALTH_PROBE_MS: "300",
      DATABASE_CONNECT_TIMEOUT_MS: "1000",
    }));
    const site = pgSite;
    const post = () =>
      fetch(`${site.url}/api/inquiries`, {
        method: "POST",
        headers: { origin: site.url, "sec-fetch-site": "same-origin", "content-type": "application/json" },
        body: JSON.stringify(canaryInquiry("self")),
      });
    expect((await post()).status).toBe(201);
    await waitFor(() => pgSink!.messages.length >= 1, "the staff email");
    await pgServer.stop();
    expect((await post()).status).toBe(503);
    await waitFor(async () => (await fetch(`${site.url}/api/health`)).status === 503, "health to report the database");
    await pgServer.start();
    await waitFor(async () => (await fetch(`${site.url}/api/health`)).status === 200, "health to recover");

    // A server whose password is wrong: it serves, takes nothing, and says why by code.
    const wrongUrl = url.replace(encodeURIComponent(PG_PASSWORD), encodeURIComponent(WRONG_PASSWORD));
    wrongSite = await startNext({ port: await freePort(), env: { DATABASE_URL: wrongUrl, INQUIRY_KEYS: KEYS } });
    const problems = ((await (await fetch(`${wrongSite.url}/api/health`)).json()) as { problems: string[] }).problems;
    expect(problems).toContain("store-unavailable:PG_28P01");

    const cli = path.join(root, "scripts", "operations", "inquiries.ts");
    const runs = [
      ["list", url],
      ["list", wrongUrl],
      ["check", wrongUrl],
      ["migrate", wrongUrl],
    ].map(([command, databaseUrl]) =>
      spawnSync(process.execPath, [...TSX_SERVER_ARGS, cli, command], {
        cwd: root,
        env: { ...process.env, DATA_DIR: site.dataDir, NODE_ENV: "production", DATABASE_URL: databaseUrl, INQUIRY_KEYS: KEYS },
        encoding: "utf8",
        timeout: 60_000,
      }),
    );
    expect(runs.map((r) => r.status)).toEqual([0, 1, 1, 1]);
    expect(runs[1].stderr).toContain("PG_28P01");

    const outputs = [
      { label: "server", text: site.output() },
      { label: "server with the wrong password", text: wrongSite.output() },
      ...runs.map((r, i) => ({ label: `operator command ${i}`, text: `${r.stdout}${r.stderr}` })),
    ];
    // Positive control: the outputs are real (the database fault was logged).
    expect(site.output()).toMatch(/inquiry\.unavailable/);
    for (const { label, text } of outputs) {
      for (const needle of secretNeedles(wrongUrl, pgSink.url))
        expect(text.includes(needle), `${label} contains ${needle === url ? "the URL" : "a secret"}`).toBe(false);
      expect(text.includes(url), `${label} contains DATABASE_URL`).toBe(false);
      expect(findCanary(text), label).toEqual([]);
    }
  }, 120_000);
});
