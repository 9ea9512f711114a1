import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startBuiltNext } from "../helpers/built-server";
import { freePort, postInquiry, sampleInquiry, waitFor, type NextServer } from "../helpers/next-server";
import { logLines } from "../helpers/inquiry-db";
import { tagById, tags } from "../helpers/html";
import { startPostgres, type TestPostgres } from "../helpers/postgres";
import { center } from "@/content/center";
import { parseKeyring } from "@/lib/inquiries/crypto";
import { openPostgresInquiryStore } from "@/lib/inquiries/store/postgres";

/**
 * The server entry on a PostgreSQL store (DATABASE_URL): the keys rule for a shared store, and the faults rule when
 * the database stops, restarts or crashes. One real PostgreSQL server for this file.
 */
let db: TestPostgres;
let server: NextServer | undefined;
beforeAll(async () => {
  db = await startPostgres();
}, 60_000);
afterEach(async () => {
  await server?.stop("SIGKILL");
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  server = undefined;
});
afterAll(async () => {
  await db?.destroy();
});

const KEYS = `k1:${crypto.randomBytes(32).toString("base64")}`;

const formPost = (s: NextServer, body: string) =>
  fetch(`${s.url}/api/inquiries`, {
    method: "POST",
    headers: { origin: s.url, "sec-fetch-site": "same-origin", "content-type": "application/x-www-form-urlencoded" },
    body,
    redirect: "manual",
  });

/** The answer a person gets without JavaScript while the store cannot take an inquiry: the form again, values kept, the phone number. */
async function expectFormKept(res: Response, name: string) {
  expect(res.status).toBe(503);
  expect(res.headers.get("retry-after")).toBe("60");
  const html = await res.text();
  expect(tags(html, "script")).toEqual([]);
  expect(tagById(html, "inquiry-name")?.attrs.value).toBe(name);
  expect(tagById(html, "inquiry-phone")?.attrs.value).toBe("555-010-0142");
  expect(tags(html, "a").some((a) => a.attrs.href === `tel:${center.phones.admissions.tel}`)).toBe(true);
}
const formBody = (name: string) => `role=self&name=${encodeURIComponent(name)}&phone=555-010-0142&contactMethod=phone&bestTime=any&language=en&consent=on`;

const problems = async (s: NextServer) => ((await (await fetch(`${s.url}/api/health`)).json()) as { problems: string[] }).problems;

describe("a shared store without INQUIRY_KEYS", () => {
  it("takes no inquiry (503, values kept, phone number), serves pages, names the cause in health, and makes no key", async () => {
    const { url, name } = await db.createDatabase();
    server = await startBuiltNext({ port: await freePort(), env: { DATABASE_URL: url } });
    const s = server;

    expect((await fetch(`${s.url}/articles/what-is-iop`)).status).toBe(200);
    const json = await postInquiry(s, sampleInquiry({ name: "No Keys" }));
    expect(json.status).toBe(503);
    expect(await json.json()).toEqual({ error: "unavailable" });
    await expectFormKept(await formPost(s, formBody("No Keys Page")), "No Keys Page");

    const health = await fetch(`${s.url}/api/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { problems: string[] }).problems).toContain("store-unavailable:INQUIRY_KEYS_MISSING_SHARED_STORE");
    expect(logLines(s.output(), "store.open-failed")).toMatchObject([{ code: "INQUIRY_KEYS_MISSING_SHARED_STORE" }]);
    expect(logLines(s.output(), "inquiry.unavailable").map((l) => l.code)).toEqual(["INQUIRY_KEYS_MISSING_SHARED_STORE", "INQUIRY_KEYS_MISSING_SHARED_STORE"]);
    // No per-host key was generated, and the database was never given a table.
    expect(fs.existsSync(`${s.dataDir}/inquiry-key`)).toBe(false);
    expect(fs.existsSync(`${s.dataDir}/inquiries.db`)).toBe(false);
    const admin = new pg.Client({ connectionString: db.adminUrl(name) });
    await admin.connect();
    expect((await admin.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows).toEqual([]);
    await admin.end();
  });
});

describe("the server on PostgreSQL", () => {
  it("warns at start-up that the file mail transport writes into each host's own folder", async () => {
    const { url } = await db.createDatabase();
    server = await startBuiltNext({ port: await freePort(), env: { DATABASE_URL: url, INQUIRY_KEYS: KEYS } });
    expect(logLines(server.output(), "mail.file-transport-per-host")).toMatchObject([{ level: "warn", mode: "file" }]);
    expect(server.output()).toContain(`Inquiries are stored in PostgreSQL 127.0.0.1:${db.port}/`);
    // Without DATABASE_URL there is one host, and no such warning.
  });

  it("when the database stops: 503 with the values kept, pages served, health names it; once it is back inquiries are taken again, and the refused one was never stored; a crash loses nothing committed", async () => {
    const { url } = await db.createDatabase();
    server = await startBuiltNext({
      port: await freePort(),
      env: {
        DATABASE_URL: url,
        INQUIRY_KEYS: KEYS,
        HEALTH_PROBE_MS: "300",
        DATABASE_CONNECT_TIMEOUT_MS: "1000",
        RATE_LIMIT_MAX: "100",
        DELIVERY_WORKER: "false",
      },
    });
    const s = server;
    expect((await postInquiry(s, sampleInquiry({ name: "Before Outage" }))).status).toBe(201);

    await db.stop();
    const refused = await postInquiry(s, sampleInquiry({ name: "During Outage" }));
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("60");
    await expectFormKept(await formPost(s, formBody("During Outage Page")), "During Outage Page");
    expect((await fetch(`${s.url}/articles/what-is-iop`)).status).toBe(200);
    expect((await fetch(`${s.url}/contact`)).status).toBe(200);
    expect((await fetch(`${s.url}/api/live`)).status).toBe(200);
    await waitFor(async () => (await problems(s)).some((p) => /^store-probe-failed:PG_/.test(p)), "health to name the database fault");
    expect((await fetch(`${s.url}/api/health`)).status).toBe(503);
    for (const l of logLines(s.output(), "inquiry.unavailable")) expect(String(l.code)).toMatch(/^PG_/);

    await db.start();
    await waitFor(async () => (await fetch(`${s.url}/api/health`)).status === 200, "health to recover");
    expect((await postInquiry(s, sampleInquiry({ name: "After Restart" }))).status).toBe(201);

    // A crash (immediate stop, recovery from the WAL): what was acknowledged is still there.
    await db.restart(true);
    await waitFor(async () => (await fetch(`${s.url}/api/health`)).status === 200, "health to recover after the crash");
    expect((await postInquiry(s, sampleInquiry({ name: "After Crash" }))).status).toBe(201);

    const store = await openPostgresInquiryStore(url, parseKeyring(KEYS));
    try {
      const names = [];
      for (const r of await store.list()) names.push((await store.getInquiry(r.id))?.inquiry.name);
      expect(names).toEqual(["Before Outage", "After Restart", "After Crash"]);
    } finally {
      await store.close();
    }
  });
});
