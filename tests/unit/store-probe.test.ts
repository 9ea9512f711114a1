import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseKeyring } from "@/lib/inquiries/crypto";
import { openSqliteInquiryStore, type SqliteInquiryStore } from "@/lib/inquiries/store/sqlite";
import { StoreUnavailableError, withAvailability } from "@/lib/inquiries/store/availability";
import { validInquiry } from "../helpers/fixtures";

/**
 * Health must tell the truth about a damaged store: a corrupted rate-limit table once blocked every inquiry while
 * health said ok. The background probe's integrity check sees it, and the route answers 503 (not 500, not silence).
 */
const keyring = parseKeyring(`k1:${crypto.randomBytes(32).toString("base64")}`);
const T0 = 1_700_000_000_000;
let dir: string;
let file: string;
let store: SqliteInquiryStore | undefined;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-probe-"));
  file = path.join(dir, "inquiries.db");
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const create = (s: { create: SqliteInquiryStore["create"] }, name: string, now: number) =>
  s.create({ inquiry: { ...validInquiry, name }, now, dedupeWindowMs: 1, rateLimit: { bucket: "ip:x", windowMs: 600_000, max: 5 } });

/** Overwrites the first page of one table's b-tree with garbage, as a bad disk or a stray write would. */
function corruptTable(table: string) {
  const db = new Database(file);
  db.pragma("wal_checkpoint(TRUNCATE)");
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = ?").get(table) as { rootpage: number };
  const pageSize = Number(db.pragma("page_size", { simple: true }));
  db.close();
  const fd = fs.openSync(file, "r+");
  fs.writeSync(fd, crypto.randomBytes(pageSize - 100), 0, pageSize - 100, (rootpage - 1) * pageSize + 100);
  fs.closeSync(fd);
}

describe("the store's probe", () => {
  it("passes on a healthy store and changes nothing", async () => {
    store = await openSqliteInquiryStore(file, keyring);
    await create(store, "Probe Ok", T0);
    const before = store.db.prepare("SELECT COUNT(*) AS n FROM inquiries").get();
    await expect(store.probe()).resolves.toBeUndefined();
    expect(store.db.prepare("SELECT COUNT(*) AS n FROM inquiries").get()).toEqual(before);
  });

  it("reports a corrupted rate-limit table (SQLITE_CORRUPT), and a post then gets 'unavailable', not a program error", async () => {
    store = await openSqliteInquiryStore(file, keyring);
    await create(store, "Before Damage", T0);
    await store.close();
    store = undefined;
    corruptTable("rate_limits");

    store = await openSqliteInquiryStore(file, keyring);
    await expect(store.probe()).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_CORRUPT/) });
    const err = await create(withAvailability(store, 100), "After Damage", T0 + 1).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as StoreUnavailableError).code).toMatch(/^SQLITE_CORRUPT/);
  });
});
