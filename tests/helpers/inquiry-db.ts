import path from "node:path";
import Database from "better-sqlite3";

/**
 * Direct, read-only looks into a server's inquiry database (<dataDir>/inquiries.db), for tests. Each call opens
 * and closes its own connection, so no test holds a reader open while a server writes.
 */
export const dbFile = (dataDir: string) => path.join(dataDir, "inquiries.db");

export function withDb<T>(dataDir: string, fn: (db: Database.Database) => T, opts: { readonly?: boolean } = {}): T {
  const db = new Database(dbFile(dataDir), { readonly: opts.readonly ?? true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    return fn(db);
  } finally {
    db.close();
  }
}

export interface InquiryRow {
  id: string;
  created_at: number;
  status: "accepted" | "quarantined";
  reason: string | null;
  key_id: string;
  payload: Buffer;
  idempotency_key: string | null;
  fingerprint: string;
  payload_version: number;
}

export interface OutboxRow {
  inquiry_id: string;
  state: "pending" | "sending" | "sent" | "dead" | "unreadable";
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  first_queued_at: number;
  last_error: string | null;
  last_response_code: number | null;
  sent_at: number | null;
}

export const countRows = (dataDir: string, table: "inquiries" | "outbox" | "rate_limits") =>
  withDb(dataDir, (db) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);

export const inquiryRows = (dataDir: string) => withDb(dataDir, (db) => db.prepare("SELECT * FROM inquiries ORDER BY created_at").all() as InquiryRow[]);

export const outboxRows = (dataDir: string) => withDb(dataDir, (db) => db.prepare("SELECT * FROM outbox ORDER BY first_queued_at").all() as OutboxRow[]);

export const outboxRow = (dataDir: string, id: string) =>
  withDb(dataDir, (db) => db.prepare("SELECT * FROM outbox WHERE inquiry_id = ?").get(id) as OutboxRow | undefined);

/** The structured log lines (JSON, one per line) a server printed, optionally only one event's. */
export function logLines(output: string, event?: string): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  for (const line of output.split("\n")) {
    const t = line.trim();
    if (!t.startsWith("{")) continue;
    try {
      const parsed = JSON.parse(t) as Record<string, unknown>;
      if (typeof parsed.event === "string" && (event === undefined || parsed.event === event)) lines.push(parsed);
    } catch {
      /* not a log line */
    }
  }
  return lines;
}
