import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { KeyFileMissingError, loadOrCreateKeyring } from "@/lib/inquiries/crypto";
import { UnreadableRecordError } from "@/lib/inquiries/store/contract";
import { openInquiryStore } from "@/lib/inquiries/store/open";
import { validInquiry } from "../helpers/fixtures";

/**
 * The generated key (no INQUIRY_KEYS): made only for a store that holds nothing yet, never again with the same id,
 * and never by an operator command. A missing key file beside a non-empty store is a refusal naming the file.
 */
const T0 = 1_700_000_000_000;
let dir: string;
let dataDir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-keys-"));
  dataDir = path.join(dir, "data");
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const keyFile = () => path.join(dataDir, "inquiry-key");
const listing = () => fs.readdirSync(dataDir).sort();

let calls = 0;
/** A store with `n` more inquiries under a generated key; returns their ids. */
async function storeWith(n: number): Promise<string[]> {
  const base = T0 + ++calls * 1_000; // later each call, so the same name is not a double submit
  const store = await openInquiryStore({ dataDir });
  const ids: string[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const r = await store.create({ inquiry: { ...validInquiry, name: `Keycase ${i}` }, now: base + i, dedupeWindowMs: 1 });
      if (r.kind !== "created") throw new Error(r.kind);
      ids.push(r.id);
    }
  } finally {
    await store.close();
  }
  return ids;
}

async function refusal(p: Promise<unknown>): Promise<KeyFileMissingError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, "should have refused").toBeInstanceOf(KeyFileMissingError);
  return err as KeyFileMissingError;
}

describe("a generated key", () => {
  it("has a unique id, local-YYYYMMDD-<random>, never the same twice", () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const d = path.join(dir, `d${i}`);
      const k = loadOrCreateKeyring(undefined, d, { mayCreate: true });
      expect(k.activeId).toMatch(/^local-\d{8}-[0-9a-f]{8}$/);
      ids.add(k.activeId);
    }
    expect(ids.size).toBe(5);
  });

  it("is made for a new store, and read back (not replaced) on every later open", async () => {
    await storeWith(1);
    const first = fs.readFileSync(keyFile(), "utf8");
    expect((fs.statSync(keyFile()).mode & 0o777).toString(8)).toBe("600");
    await storeWith(1);
    expect(fs.readFileSync(keyFile(), "utf8")).toBe(first);
  });

  it("is made for a store that exists but holds no inquiry (nothing can become unreadable)", async () => {
    const [id] = await storeWith(1);
    const store = await openInquiryStore({ dataDir, mustExist: true });
    const due = T0 + 1_000_000; // after the inquiry was stored (storeWith's clock runs ahead of T0)
    const lease = await store.claimNext(due, 60_000);
    expect(lease?.inquiryId).toBe(id);
    await store.markSent(id, lease!.leaseToken, due);
    expect(await store.purge(due + 1)).toBe(1);
    await store.close();
    fs.rmSync(keyFile());
    await storeWith(1);
    expect(fs.existsSync(keyFile())).toBe(true);
  });

  it("needs mayCreate: without it, a missing key file is a refusal, and nothing is written", () => {
    fs.mkdirSync(dataDir);
    expect(() => loadOrCreateKeyring(undefined, dataDir, { mayCreate: false })).toThrow(KeyFileMissingError);
    expect(listing()).toEqual([]);
  });
});

describe("a missing key file beside stored inquiries", () => {
  it("the server's open refuses, naming the key file and what to do, and generates nothing", async () => {
    await storeWith(2);
    const saved = fs.readFileSync(keyFile(), "utf8");
    const keyId = saved.split(":")[0];
    fs.rmSync(keyFile());
    const before = listing();

    const err = await refusal(openInquiryStore({ dataDir }));
    expect(err.file).toBe(keyFile());
    expect(err.message).toContain(keyFile());
    expect(err.message).toMatch(/backup/i);
    expect(err.message).toContain("INQUIRY_KEYS");
    expect(err.message).toContain(keyId); // the key id the records need
    expect(err.message).toMatch(/\b2 stored inquiries\b/);
    expect(fs.existsSync(keyFile())).toBe(false);
    expect(listing()).toEqual(before);

    // Restored from the backup: everything is readable again.
    fs.writeFileSync(keyFile(), saved, { mode: 0o600 });
    const store = await openInquiryStore({ dataDir });
    try {
      const rows = await store.list("all");
      expect(rows).toHaveLength(2);
      for (const r of rows) expect((await store.getInquiry(r.id))?.inquiry.name).toMatch(/^Keycase \d$/);
    } finally {
      await store.close();
    }
  });

  it("with INQUIRY_KEYS set instead, the store opens (the key comes from there; no file is made)", async () => {
    const [id] = await storeWith(1);
    const saved = fs.readFileSync(keyFile(), "utf8").trim();
    fs.rmSync(keyFile());
    const store = await openInquiryStore({ dataDir, inquiryKeys: saved });
    try {
      expect((await store.getInquiry(id))?.inquiry.name).toBe("Keycase 0");
    } finally {
      await store.close();
    }
    expect(fs.existsSync(keyFile())).toBe(false);
  });

  it("a different generated key never takes the old one's place: the old records stay readable after a restore", async () => {
    const [oldId] = await storeWith(1);
    const saved = fs.readFileSync(keyFile(), "utf8");
    fs.rmSync(keyFile());
    await refusal(openInquiryStore({ dataDir }));
    fs.writeFileSync(keyFile(), saved, { mode: 0o600 });
    const [newId] = await storeWith(1);
    const store = await openInquiryStore({ dataDir, mustExist: true });
    try {
      expect((await store.getInquiry(oldId))?.inquiry.name).toBe("Keycase 0");
      expect((await store.getInquiry(newId))?.inquiry.name).toBe("Keycase 0");
    } finally {
      await store.close();
    }
  });
});

describe("operator commands (mustExist) never create a key", () => {
  it("refuse with the key file named, for a store with inquiries", async () => {
    await storeWith(1);
    fs.rmSync(keyFile());
    const before = listing();
    const err = await refusal(openInquiryStore({ dataDir, mustExist: true }));
    expect(err.message).toContain(keyFile());
    expect(err.message).toContain("INQUIRY_KEYS");
    expect(listing()).toEqual(before);
  });

  it("and for an empty store too", async () => {
    const store = await openInquiryStore({ dataDir });
    await store.close();
    fs.rmSync(keyFile());
    await refusal(openInquiryStore({ dataDir, mustExist: true }));
    expect(fs.existsSync(keyFile())).toBe(false);
  });
});

describe("a record whose key is gone (INQUIRY_KEYS without it) is unreadable, not lost", () => {
  it("getInquiry raises UnreadableRecordError (delivery keeps it aside; health counts it)", async () => {
    const old = `old:${crypto.randomBytes(32).toString("base64")}`;
    const s1 = await openInquiryStore({ dataDir, inquiryKeys: old });
    const r = await s1.create({ inquiry: validInquiry, now: T0, dedupeWindowMs: 1 });
    await s1.close();
    if (r.kind !== "created") throw new Error(r.kind);
    const s2 = await openInquiryStore({ dataDir, inquiryKeys: `new:${crypto.randomBytes(32).toString("base64")}` });
    try {
      await expect(s2.getInquiry(r.id)).rejects.toBeInstanceOf(UnreadableRecordError);
    } finally {
      await s2.close();
    }
  });
});
