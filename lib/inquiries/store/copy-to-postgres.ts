// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { parseKeyring } from "../crypto";
import { UnreadableRecordError, type OutboxState } from "./contract";
import { decodePayload, type InquiryRow } from "./payload";
import { migrateSqlite } from "./sqlite";
import { describePostgres, openPostgresInquiryStore, type ImportedRecord, type PostgresSettings } from "./postgres";
import { SharedStoreKeysMissingError, StoreMissingError } from "./open";

/**
 * `npm run inquiries -- copy-to-postgres`: how a center moves its SQLite store (DATA_DIR) into PostgreSQL
 * (DATABASE_URL) when it outgrows one machine. Records are copied as they are stored (same ids, times and
 * ciphertext), so nothing is decrypted and encrypted again and every inquiry keeps its id for staff.
 */

/** The SQLite file is open in another process: a server, a worker or an operator command still uses it. */
export class SourceInUseError extends Error {
  readonly code = "SOURCE_IN_USE";
  constructor(file: string) {
    super(
      `The SQLite store ${file} is in use by another process (a server, a worker or an operator command). ` +
        "Stop every process that uses this DATA_DIR, then run copy-to-postgres again. Nothing was copied.",
    );
    this.name = "SourceInUseError";
  }
}

/** Some records would be unreadable under the target's keys: nothing is written. */
export class CopyKeysError extends Error {
  readonly code = "COPY_KEYS";
  constructor(failed: number, total: number, keyIds: string[]) {
    super(
      `${failed} of ${total} stored ${total === 1 ? "inquiry does" : "inquiries do"} not decrypt under INQUIRY_KEYS ` +
        `(they need key id ${keyIds.map((k) => `"${k}"`).join(", ")}). Nothing was copied. Add the key(s) to INQUIRY_KEYS ` +
        '(a key file in DATA_DIR holds one "id:base64key" line) and run copy-to-postgres again.',
    );
    this.name = "CopyKeysError";
  }
}

/** The copy ended with other numbers than the source's: reported, never silent. */
export class CopyCountMismatchError extends Error {
  readonly code = "COPY_COUNT_MISMATCH";
  constructor(what: string) {
    super(`The copy does not add up: ${what}. Run copy-to-postgres again (it adds only what is missing) and compare with \`list\`.`);
    this.name = "CopyCountMismatchError";
  }
}

const STATES = ["pending", "sent", "dead", "unreadable", "quarantined"] as const;
type CountedState = (typeof STATES)[number];

export interface CopyReport {
  where: string;
  total: number;
  /** Records added by this run (0 when run again). */
  added: number;
  alreadyThere: number;
  /** Entries that were being sent (leased) in SQLite, copied as pending. */
  sendingAsPending: number;
  /** Per state (sending counted as pending) in the SQLite store. */
  source: Record<CountedState, number>;
  /** Per state in PostgreSQL for the records this run added: equal to the source's for the same records. */
  copied: Record<CountedState, number>;
  /** Per state in PostgreSQL now, for every record of the source (records copied earlier may have been sent since). */
  target: Record<CountedState, number>;
}

/** Counts per state as one line: pending=2 sent=5 dead=0 unreadable=0 quarantined=1. */
export const formatCounts = (c: Record<string, number>) => STATES.map((s) => `${s}=${c[s] ?? 0}`).join(" ");
const format = formatCounts;

/**
 * Opens the SQLite file for this process alone, or throws SourceInUseError. With locking_mode=EXCLUSIVE, a WAL
 * database is used without the shared-memory index, which SQLite allows only when no other connection has the
 * database open (https://sqlite.org/wal.html, "Use of WAL Without Shared-Memory"; https://sqlite.org/pragma.html
 * #pragma_locking_mode): the first read then fails with SQLITE_BUSY while any process holds it open, even an idle
 * server that is not writing, which a plain BEGIN EXCLUSIVE (in WAL mode the same as IMMEDIATE) would miss. With
 * busy_timeout 0 it fails at once instead of waiting. The server entry keeps no lock or pid file of its own; its
 * open connection is what marks it as running. The exclusive lock is then kept until the copy closes the file, so
 * no server can start on it meanwhile.
 */
function openExclusively(file: string): Database.Database {
  const db = new Database(/*turbopackIgnore: true*/ file, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 0");
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.prepare("SELECT COUNT(*) FROM sqlite_master").get();
    db.exec("COMMIT");
  } catch (err) {
    db.close();
    if (/^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown }).code))) throw new SourceInUseError(file);
    throw err;
  }
  return db;
}

interface SourceRow extends InquiryRow {
  idempotency_key: string | null;
  state: OutboxState | null;
  attempts: number | null;
  next_attempt_at: number | null;
  first_queued_at: number | null;
  last_error: string | null;
  last_response_code: number | null;
  last_detail: string | null;
  sent_at: number | null;
}

export async function copySqliteToPostgres(opts: {
  dataDir: string;
  databaseUrl: string;
  inquiryKeys?: string;
  postgres?: PostgresSettings;
}): Promise<CopyReport> {
  if (!opts.inquiryKeys) throw new SharedStoreKeysMissingError();
  const keyring = parseKeyring(opts.inquiryKeys);
  const file = path.join(/*turbopackIgnore: true*/ opts.dataDir, "inquiries.db");
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) throw new StoreMissingError(file);

  const db = openExclusively(file);
  try {
    // The source at this code's schema (as any server start would make it), so one reading fits every store.
    await migrateSqlite(db);
    const rows = db
      .prepare(
        `SELECT i.id, i.created_at, i.status, i.reason, i.key_id, i.payload, i.payload_version, i.idempotency_key, i.site_locale,
                o.state, o.attempts, o.next_attempt_at, o.first_queued_at, o.last_error, o.last_response_code, o.last_detail, o.sent_at
         FROM inquiries i LEFT JOIN outbox o ON o.inquiry_id = i.id ORDER BY i.rowid`,
      )
      .all() as SourceRow[];

    // Every record must be readable under the target's keys before anything is written.
    const records: ImportedRecord[] = [];
    const failedKeys = new Set<string>();
    let failed = 0;
    for (const r of rows) {
      try {
        const inquiry = decodePayload(keyring, r.id, { payloadVersion: r.payload_version, keyId: r.key_id, blob: r.payload });
        records.push({
          id: r.id,
          createdAt: r.created_at,
          status: r.status,
          reason: r.reason,
          keyId: r.key_id,
          payload: r.payload,
          payloadVersion: r.payload_version,
          idempotencyKey: r.idempotency_key,
          siteLocale: r.site_locale,
          inquiry,
          outbox:
            r.state === null
              ? undefined
              : {
                  // A lease belongs to a process of the old store: the entry is sent again from PostgreSQL.
                  state: r.state === "sending" ? "pending" : r.state,
                  attempts: r.attempts ?? 0,
                  nextAttemptAt: r.next_attempt_at ?? r.created_at,
                  firstQueuedAt: r.first_queued_at ?? r.created_at,
                  lastError: r.last_error,
                  lastResponseCode: r.last_response_code,
                  lastDetail: r.last_detail,
                  sentAt: r.sent_at,
                },
        });
      } catch (err) {
        if (!(err instanceof UnreadableRecordError)) throw err;
        failed++;
        failedKeys.add(r.key_id);
      }
    }
    if (failed > 0) throw new CopyKeysError(failed, rows.length, [...failedKeys].sort());

    const tally = (list: readonly ImportedRecord[]) => {
      const c = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<CountedState, number>;
      for (const r of list) c[r.outbox ? r.outbox.state : "quarantined"]++;
      return c;
    };
    const fromMap = (m: Map<string, number>) => Object.fromEntries(STATES.map((s) => [s, m.get(s) ?? 0])) as Record<CountedState, number>;

    const store = await openPostgresInquiryStore(opts.databaseUrl, keyring, { settings: opts.postgres });
    try {
      const added = new Set(await store.importRecords(records));
      // Verified from what PostgreSQL holds afterwards, not from what was sent to it.
      const target = fromMap(await store.stateCounts(records.map((r) => r.id)));
      const copied = fromMap(await store.stateCounts([...added]));
      const expected = tally(records.filter((r) => added.has(r.id)));
      const present = STATES.reduce((n, s) => n + target[s], 0);
      if (present !== records.length) throw new CopyCountMismatchError(`PostgreSQL holds ${present} of the ${records.length} inquiries (${format(target)})`);
      if (STATES.some((s) => copied[s] !== expected[s]))
        throw new CopyCountMismatchError(`the ${added.size} added inquiries are ${format(copied)} in PostgreSQL but ${format(expected)} in SQLite`);
      return {
        where: describePostgres(opts.databaseUrl),
        total: records.length,
        added: added.size,
        alreadyThere: records.length - added.size,
        sendingAsPending: rows.filter((r) => r.state === "sending").length,
        source: tally(records),
        copied,
        target,
      };
    } finally {
      await store.close();
    }
  } finally {
    db.close();
  }
}
