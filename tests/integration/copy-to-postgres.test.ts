import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBuiltNext } from "../helpers/built-server";
import { freePort, tempDir } from "../helpers/next-server";
import { startPostgres, type TestPostgres } from "../helpers/postgres";
import { validInquiry } from "../helpers/fixtures";
import { parseKeyring } from "@/lib/inquiries/crypto";
import { openInquiryStore } from "@/lib/inquiries/store/open";
import { openPostgresInquiryStore } from "@/lib/inquiries/store/postgres";
import type { Inquiry } from "@/lib/inquiries/schema";
import { TSX_SERVER_ARGS } from "../../scripts/lib/bin.mjs";

/**
 * `npm run inquiries -- copy-to-postgres`, run as an operator would, from a SQLite store made by the embedded default
 * (a generated key file in DATA_DIR) into a real PostgreSQL database.
 */
const root = path.resolve(__dirname, "..", "..");
const T0 = 1_700_000_000_000;
const NEW_KEY = `new:${crypto.randomBytes(32).toString("base64")}`;

let db: TestPostgres;
let dataDir: string;
beforeAll(async () => {
  db = await startPostgres();
  dataDir = tempDir();
}, 60_000);
afterAll(async () => {
  await db?.destroy();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

function cli(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [...TSX_SERVER_ARGS, "scripts/operations/inquiries.ts", ...args],
      { cwd: root, env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: "production", DATABASE_URL: "", INQUIRY_KEYS: "", ...env }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

const person = (name: string): Inquiry => ({ ...validInquiry, name });

/** Sent from the Spanish site (the others from the English one): the copy keeps each inquiry's site language. */
const SPANISH = new Set(["Dead", "Pending"]);

/** One inquiry in each state, made through the SQLite store as a server would, with the key it generates. */
async function fillSqlite(): Promise<Record<string, string>> {
  const store = await openInquiryStore({ dataDir });
  const ids: Record<string, string> = {};
  const make = async (name: string, now: number, quarantine = false) => {
    const r = await store.create({
      inquiry: person(name),
      siteLocale: SPANISH.has(name) ? "es" : "en",
      now,
      dedupeWindowMs: 600_000,
      quarantineReason: quarantine ? "honeypot" : undefined,
    });
    if (r.kind !== "created") throw new Error(r.kind);
    ids[name] = r.id;
    return r.id;
  };
  // Each is created and settled in turn, so each claim hands out the one just made.
  const sent = await make("Sent", T0);
  await store.markSent(sent, (await store.claimNext(T0, 60_000))!.leaseToken, T0 + 10);
  const dead = await make("Dead", T0 + 1);
  await store.markDead(dead, (await store.claimNext(T0 + 1, 60_000))!.leaseToken, "EENVELOPE", 550, "550 5.1.1 No such user");
  const unreadable = await make("Unreadable", T0 + 2);
  await store.markUnreadable(unreadable, (await store.claimNext(T0 + 2, 60_000))!.leaseToken, T0 + 3_600_000, "ENOKEY");
  await make("Sending", T0 + 3);
  await store.claimNext(T0 + 3, 60_000);
  await make("Pending", T0 + 4);
  await make("Bot", T0 + 5, true);
  await store.close();
  return ids;
}

const tables = async (name: string) => {
  const c = new pg.Client({ connectionString: db.adminUrl(name) });
  await c.connect();
  try {
    return (await c.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows;
  } finally {
    await c.end();
  }
};

describe("copy-to-postgres", () => {
  it("refuses while the store is in use, and when a record would not decrypt; copies every state (sending as pending); a second run adds nothing", async () => {
    const ids = await fillSqlite();
    const keyLine = fs.readFileSync(path.join(dataDir, "inquiry-key"), "utf8").trim();
    const { url, name } = await db.createDatabase();
    const env = { DATABASE_URL: url, INQUIRY_KEYS: NEW_KEY };

    // The target's keys do not hold the key the records were written with: nothing is written anywhere.
    const noKey = await cli(env, "copy-to-postgres");
    expect(noKey.code, noKey.stderr).toBe(1);
    expect(noKey.stderr).toContain(`6 of 6 stored inquiries do not decrypt under INQUIRY_KEYS (they need key id "${keyLine.split(":")[0]}")`);
    expect(noKey.stderr).toContain("Nothing was copied.");
    expect(await tables(name)).toEqual([]);

    // A server still serving from this data folder (its worker off, so the states stay as made): refused, nothing copied.
    const server = await startBuiltNext({ port: await freePort(), dataDir, env: { DELIVERY_WORKER: "false" } });
    try {
      const busy = await cli({ ...env, INQUIRY_KEYS: `${NEW_KEY},${keyLine}` }, "copy-to-postgres");
      expect(busy.code, busy.stderr).toBe(1);
      expect(busy.stderr).toMatch(/is in use by another process .* Nothing was copied\./);
      expect(await tables(name)).toEqual([]);
    } finally {
      await server.stop();
    }

    // Stopped: copied. The new key encrypts new inquiries; the old one still reads the copied ones.
    const keys = `${NEW_KEY},${keyLine}`;
    const first = await cli({ ...env, INQUIRY_KEYS: keys }, "copy-to-postgres");
    expect(first.code, first.stderr).toBe(0);
    const lines = first.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^source .*inquiries\.db: 6 inquiries, pending=2 sent=1 dead=1 unreadable=1 quarantined=1$/);
    expect(lines).toContain("        1 being sent, copied as pending");
    expect(lines).toContain(`copied  6 new, 0 already in PostgreSQL 127.0.0.1:${db.port}/${name}: pending=2 sent=1 dead=1 unreadable=1 quarantined=1`);
    expect(lines).toContain("target  the same 6 in PostgreSQL now: pending=2 sent=1 dead=1 unreadable=1 quarantined=1");
    expect(first.stdout + first.stderr).not.toContain(db.password);

    const store = await openPostgresInquiryStore(url, parseKeyring(keys));
    try {
      const listed = await store.list();
      expect(listed.map((r) => r.id)).toEqual(["Sent", "Dead", "Unreadable", "Sending", "Pending", "Bot"].map((n) => ids[n]));
      expect(listed.map((r) => r.state)).toEqual(["sent", "dead", "unreadable", "pending", "pending", null]);
      expect(await store.outbox(ids.Dead)).toMatchObject({ state: "dead", attempts: 1, lastResponseCode: 550, lastDetail: "550 5.1.1 No such user" });
      expect(await store.outbox(ids.Sending)).toMatchObject({ state: "pending", attempts: 1 });
      expect(await store.outbox(ids.Sent)).toMatchObject({ state: "sent", sentAt: T0 + 10 });
      for (const n of Object.keys(ids))
        expect(await store.getInquiry(ids[n])).toMatchObject({ id: ids[n], siteLocale: SPANISH.has(n) ? "es" : "en", inquiry: person(n) });
      // The leased entry is handed out again from PostgreSQL, with a new lease.
      expect((await store.claimNext(T0 + 3, 60_000))?.inquiryId).toBe(ids.Sending);
      // Fingerprints were made again with the target's active key: a double submit across the move is still one inquiry.
      expect(await store.create({ inquiry: person("Pending"), now: T0 + 5, dedupeWindowMs: 600_000 })).toEqual({ kind: "duplicate", id: ids.Pending });
    } finally {
      await store.close();
    }

    const again = await cli({ ...env, INQUIRY_KEYS: keys }, "copy-to-postgres");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`copied  0 new, 6 already in PostgreSQL 127.0.0.1:${db.port}/${name}`);
    // The target's states now are shown, not assumed (the entry leased above counts as pending, as in health).
    expect(again.stdout).toContain("target  the same 6 in PostgreSQL now: pending=2 sent=1 dead=1 unreadable=1 quarantined=1");
    const list = await cli({ ...env, INQUIRY_KEYS: keys }, "list");
    expect(list.code, list.stderr).toBe(0);
    expect(
      list.stdout
        .trim()
        .split("\n")
        .map((l) => l.split("\t")[0]),
    ).toEqual(Object.values(ids));
  }, 120_000);

  it("needs DATABASE_URL and INQUIRY_KEYS; wrong arguments get the usage and exit code 2", async () => {
    const missingUrl = await cli({ INQUIRY_KEYS: NEW_KEY }, "copy-to-postgres");
    expect(missingUrl.code).toBe(1);
    expect(missingUrl.stderr).toContain("set DATABASE_URL");
    const { url } = await db.createDatabase();
    const missingKeys = await cli({ DATABASE_URL: url }, "copy-to-postgres");
    expect(missingKeys.code).toBe(1);
    expect(missingKeys.stderr).toContain("DATABASE_URL is set but INQUIRY_KEYS is not");
    for (const args of [
      ["copy-to-postgres", "now"],
      ["copy-to-postgres", "--days", "3"],
    ]) {
      const r = await cli({ DATABASE_URL: url, INQUIRY_KEYS: NEW_KEY }, ...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain("npm run inquiries -- copy-to-postgres");
    }
  }, 60_000);
});
