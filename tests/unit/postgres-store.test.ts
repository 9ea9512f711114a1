import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseKeyring } from "@/lib/inquiries/crypto";
import { StoreUnavailableError } from "@/lib/inquiries/store/availability";
import { SchemaTooNewError } from "@/lib/inquiries/store/migrations";
import { SharedStoreKeysMissingError, migrateInquiryStore, openInquiryStore } from "@/lib/inquiries/store/open";
import { POSTGRES_MIGRATIONS } from "@/lib/inquiries/store/postgres-migrations";
import { SQLITE_MIGRATIONS } from "@/lib/inquiries/store/sqlite-migrations";
import { PostgresStoreMissingError, SynchronousCommitOffError, openPostgresInquiryStore, type PostgresSettings } from "@/lib/inquiries/store/postgres";
import { validInquiry } from "../helpers/fixtures";
import { migrateAtOnce, migrationOutcomes } from "../helpers/migrate-at-once";
import { startPostgres, type TestPostgres } from "../helpers/postgres";

/**
 * What the PostgreSQL store adds to the contract (tests/contract/postgres.test.ts): migrations shared between
 * processes, the session's durability, the keys rule for a shared store, and how a database that fails is reported.
 * One real server for this file.
 */
const KEYS = `k1:${crypto.randomBytes(32).toString("base64")}`;
const keyring = parseKeyring(KEYS);
const T0 = 1_700_000_000_000;

let server: TestPostgres;
beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.destroy();
});

async function admin<T>(database: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: server.adminUrl(database) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as Error & { code?: string },
  );

describe("migrations", () => {
  it("numbered as SQLite's: the same version means the same schema in either engine", () => {
    expect(POSTGRES_MIGRATIONS.map((m) => [m.version, m.name])).toEqual(SQLITE_MIGRATIONS.map((m) => [m.version, m.name]));
  });

  it("several processes migrating one fresh database at once all succeed; exactly one runs the migrations", async () => {
    const { url, name } = await server.createDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-pg-migrate-"));
    try {
      const results = await migrateAtOnce(dir, { ...process.env, DATABASE_URL: url });
      for (const r of results) expect(r.code, r.stderr).toBe(0);
      const latest = POSTGRES_MIGRATIONS.length;
      const outcomes = migrationOutcomes(results);
      expect(outcomes.every((o) => o.to === latest)).toBe(true);
      expect(outcomes.filter((o) => o.from === 0)).toHaveLength(1);
      expect(outcomes.filter((o) => o.from === latest)).toHaveLength(3);
      // No file was made for a PostgreSQL store.
      expect(fs.readdirSync(dir)).toEqual(["go"]);
      expect(await admin(name, async (c) => (await c.query("SELECT version FROM inquiry_store_version")).rows)).toEqual([{ version: latest }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("running them again is a no-op; a database newer than the code is refused with both numbers and left as it is", async () => {
    const { url, name } = await server.createDatabase();
    const latest = POSTGRES_MIGRATIONS.length;
    expect(await migrateInquiryStore({ dataDir: "/nonexistent", databaseUrl: url })).toEqual({ from: 0, to: latest });
    expect(await migrateInquiryStore({ dataDir: "/nonexistent", databaseUrl: url })).toEqual({ from: latest, to: latest });
    await admin(name, (c) => c.query("UPDATE inquiry_store_version SET version = $1", [latest + 2]));
    for (const attempt of [
      () => migrateInquiryStore({ dataDir: "/nonexistent", databaseUrl: url }),
      () => openInquiryStore({ dataDir: "/nonexistent", databaseUrl: url, inquiryKeys: KEYS }),
    ]) {
      const err = await rejection(attempt());
      expect(err).toBeInstanceOf(SchemaTooNewError);
      expect(err?.message).toContain(`schema version ${latest + 2} but this code knows versions up to ${latest}`);
    }
    expect(await admin(name, async (c) => (await c.query("SELECT version FROM inquiry_store_version")).rows)).toEqual([{ version: latest + 2 }]);
  });

  it("migration 5 gives inquiries stored at version 4 the English site's language, their content kept", async () => {
    const { url, name } = await server.createDatabase();
    const store = await openInquiryStore({ dataDir: "/nonexistent", databaseUrl: url, inquiryKeys: KEYS });
    let id: string;
    try {
      const r = await store.create({ inquiry: validInquiry, siteLocale: "es", now: T0, dedupeWindowMs: 600_000 });
      if (r.kind !== "created") throw new Error(r.kind);
      id = r.id;
    } finally {
      await store.close();
    }
    // The database as version 4 left it: no site language column.
    await admin(name, (c) => c.query("ALTER TABLE inquiries DROP COLUMN site_locale; UPDATE inquiry_store_version SET version = 4"));
    expect(await migrateInquiryStore({ dataDir: "/nonexistent", databaseUrl: url, mustExist: true })).toEqual({ from: 4, to: POSTGRES_MIGRATIONS.length });
    const after = await openInquiryStore({ dataDir: "/nonexistent", databaseUrl: url, inquiryKeys: KEYS, mustExist: true });
    try {
      expect(await after.getInquiry(id)).toEqual({ id, createdAt: T0, status: "accepted", reason: null, siteLocale: "en", inquiry: validInquiry });
    } finally {
      await after.close();
    }
  });

  it("an operator command (mustExist) refuses a database no migration has touched, and gives it no tables", async () => {
    const { url, name } = await server.createDatabase();
    const err = await rejection(openInquiryStore({ dataDir: "/nonexistent", databaseUrl: url, inquiryKeys: KEYS, mustExist: true }));
    expect(err).toBeInstanceOf(PostgresStoreMissingError);
    expect(err?.message).toContain(`127.0.0.1:${server.port}/${name} holds no inquiry store yet`);
    expect(err?.message).not.toContain(server.password);
    expect(await admin(name, async (c) => (await c.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows)).toEqual([]);
  });
});

describe("durability of every session", () => {
  it("synchronous_commit forced off for the role and in the connection's options is set back on by the store", async () => {
    const { url, name } = await server.createDatabase();
    await admin(name, (c) => c.query(`ALTER ROLE iop IN DATABASE ${name} SET synchronous_commit = off`));
    const plain = new pg.Client({ connectionString: url });
    await plain.connect();
    expect((await plain.query("SHOW synchronous_commit")).rows[0].synchronous_commit).toBe("off");
    await plain.end();

    const store = await openPostgresInquiryStore(`${url}?options=${encodeURIComponent("-c synchronous_commit=off")}`, keyring);
    try {
      // The probe reads the setting on the store's own session.
      await expect(store.probe()).resolves.toBeUndefined();
      expect((await store.create({ inquiry: validInquiry, now: T0, dedupeWindowMs: 1 })).kind).toBe("created");
    } finally {
      await store.close();
    }
  });

  it("a server or pooler that still reports synchronous_commit off after the store's SET is refused: the store does not open", async () => {
    const { url } = await server.createDatabase();
    // A session pooler in transaction mode, or a proxy, can answer from a session the SET never reached.
    class ForgetfulPooler extends pg.Client {
      // @ts-expect-error pg's overloads; the test needs only the text form
      override async query(text: string, values?: unknown[]) {
        const result = await super.query(text, values);
        if (text === "SHOW synchronous_commit") result.rows = [{ synchronous_commit: "off" }];
        return result;
      }
    }
    const err = await rejection(openPostgresInquiryStore(url, keyring, { Client: ForgetfulPooler as unknown as typeof pg.Client }));
    expect(err).toBeInstanceOf(SynchronousCommitOffError);
    expect(err?.code).toBe("PG_SYNCHRONOUS_COMMIT_OFF");
    expect(err?.message).toMatch(/synchronous_commit = "off" after the store set it on/);
  });
});

describe("keys on several hosts", () => {
  it("with DATABASE_URL and no INQUIRY_KEYS nothing opens, no key file is read or written, and the database is not touched", async () => {
    const { url, name } = await server.createDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "iop-pg-keys-"));
    try {
      const err = await rejection(openInquiryStore({ dataDir, databaseUrl: url }));
      expect(err).toBeInstanceOf(SharedStoreKeysMissingError);
      expect(err?.code).toBe("INQUIRY_KEYS_MISSING_SHARED_STORE");
      expect(fs.readdirSync(dataDir)).toEqual([]);
      // A key file lying in DATA_DIR is not used either.
      fs.writeFileSync(path.join(dataDir, "inquiry-key"), `${KEYS}\n`, { mode: 0o600 });
      expect(await rejection(openInquiryStore({ dataDir, databaseUrl: url }))).toBeInstanceOf(SharedStoreKeysMissingError);
      expect(await admin(name, async (c) => (await c.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("a database that fails", () => {
  const fast: PostgresSettings = { connectTimeoutMs: 1_000, statementTimeoutMs: 500, idleInTransactionTimeoutMs: 2_000, poolMax: 2 };

  it("a statement that waits past statement_timeout fails as PG_STATEMENT_TIMEOUT and writes nothing", async () => {
    const { url, name } = await server.createDatabase();
    const store = await openPostgresInquiryStore(url, keyring, { settings: fast });
    const holder = new pg.Client({ connectionString: server.adminUrl(name) });
    await holder.connect();
    try {
      // Another session holds the table's lock (as a stuck transaction would): the create waits, then is cancelled.
      await holder.query("BEGIN; LOCK TABLE inquiries IN ACCESS EXCLUSIVE MODE");
      const err = await rejection(store.create({ inquiry: validInquiry, now: T0, dedupeWindowMs: 1 }));
      expect(err).toBeInstanceOf(StoreUnavailableError);
      expect(err?.code).toBe("PG_STATEMENT_TIMEOUT");
      await holder.query("ROLLBACK");
      expect(await store.list()).toEqual([]);
    } finally {
      await holder.end();
      await store.close();
    }
  });

  it("a full pool: the call that waits past the connect timeout fails as PG_POOL_TIMEOUT", async () => {
    const { url, name } = await server.createDatabase();
    const store = await openPostgresInquiryStore(url, keyring, { settings: { ...fast, poolMax: 1, statementTimeoutMs: 3_000 } });
    const holder = new pg.Client({ connectionString: server.adminUrl(name) });
    await holder.connect();
    try {
      await holder.query("BEGIN; LOCK TABLE inquiries IN ACCESS EXCLUSIVE MODE");
      // The one connection waits on the lock; the second call finds no free connection within the connect timeout.
      const first = rejection(store.create({ inquiry: validInquiry, now: T0, dedupeWindowMs: 1 }));
      const second = await rejection(store.list());
      expect(second).toBeInstanceOf(StoreUnavailableError);
      expect(second?.code).toBe("PG_POOL_TIMEOUT");
      await holder.query("ROLLBACK");
      expect(await first).toBeUndefined();
    } finally {
      await holder.end();
      await store.close();
    }
  });

  it("a server that stops: calls fail as store faults naming no secret; after it starts again the same store works", async () => {
    const { url } = await server.createDatabase();
    const store = await openPostgresInquiryStore(url, keyring, { settings: fast });
    try {
      expect((await store.create({ inquiry: validInquiry, now: T0, dedupeWindowMs: 1 })).kind).toBe("created");
      await server.stop();
      for (const call of [() => store.create({ inquiry: { ...validInquiry, name: "Bo" }, now: T0, dedupeWindowMs: 1 }), () => store.probe()]) {
        const err = await rejection(call());
        expect(err).toBeInstanceOf(StoreUnavailableError);
        expect(err?.code).toMatch(/^PG_(ECONNREFUSED|57P01|CONNECTION_LOST)$/);
        expect(`${err?.message}${err?.stack}`).not.toContain(server.password);
      }
      await server.start();
      expect((await store.create({ inquiry: { ...validInquiry, name: "Cy" }, now: T0 + 1, dedupeWindowMs: 1 })).kind).toBe("created");
      expect((await store.list()).map((r) => r.createdAt)).toEqual([T0, T0 + 1]);
    } finally {
      await store.close();
    }
  }, 60_000);

  it("a wrong password is a store fault (PG_28P01), and the message names neither password", async () => {
    const { url } = await server.createDatabase();
    const wrong = url.replace(encodeURIComponent(server.password), "not-the-password-zq81");
    const err = await rejection(openPostgresInquiryStore(wrong, keyring, { settings: fast }));
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect(err?.code).toBe("PG_28P01");
    expect(`${err?.message}${err?.stack}`).not.toMatch(/not-the-password-zq81|iop:/);
  });
});
