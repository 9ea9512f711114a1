/**
 * Operator commands for stored inquiries, on the same database and keys as the server (DATA_DIR, INQUIRY_KEYS).
 *
 *   npx tsx scripts/inquiries.ts list [pending|dead|quarantined|sent|all]   ids and delivery states, never contents
 *   npx tsx scripts/inquiries.ts show <id>                                  one inquiry, decrypted, for intake staff
 *   npx tsx scripts/inquiries.ts retry <id> | --all-dead                    re-queue dead entries once the cause is fixed
 *   npx tsx scripts/inquiries.ts purge [--days N]                           delete delivered and quarantined inquiries
 *                                                                          older than N days (default RETENTION_DAYS)
 *
 * Safe to run while servers are running: SQLite in WAL mode is shared, and a running worker picks up re-queued
 * entries at its next poll.
 */
import fs from "node:fs";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { loadOrCreateKeyring } from "@/lib/inquiries/crypto";
import { InquiryStore, openDatabase } from "@/lib/inquiries/store";

const USAGE = `Usage:
  npx tsx scripts/inquiries.ts list [pending|dead|quarantined|sent|all]
  npx tsx scripts/inquiries.ts show <id>
  npx tsx scripts/inquiries.ts retry <id> | --all-dead
  npx tsx scripts/inquiries.ts purge [--days N]`;

const FILTERS = ["pending", "dead", "quarantined", "sent", "all"] as const;
type Filter = (typeof FILTERS)[number];
const DAY_MS = 24 * 3_600_000;

class UsageError extends Error {}

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

function openStore(): { store: InquiryStore; dataDir: string; retentionDays: number } {
  const env = parseEnv(process.env);
  const file = path.join(env.dataDir, "inquiries.db");
  // Never create an empty database (or a new key) by pointing at the wrong folder.
  if (!fs.existsSync(file)) fail(`No inquiry database at ${file}. Set DATA_DIR to the server's data folder.`);
  const keyring = loadOrCreateKeyring(env.INQUIRY_KEYS, env.dataDir);
  return { store: new InquiryStore(openDatabase(file), keyring), dataDir: env.dataDir, retentionDays: env.RETENTION_DAYS };
}

const iso = (ms: number) => new Date(ms).toISOString();

function list(store: InquiryStore, filter: Filter) {
  for (const r of store.list(filter)) {
    const error = r.lastError ? `${r.lastError}${r.lastResponseCode ? ` ${r.lastResponseCode}` : ""}` : r.lastResponseCode ? String(r.lastResponseCode) : "-";
    console.log([r.id, r.status, r.state ?? "-", `attempts=${r.attempts}`, `error=${error}`, iso(r.createdAt)].join("\t"));
  }
}

function show(store: InquiryStore, id: string) {
  let stored;
  try {
    stored = store.getInquiry(id);
  } catch (err) {
    fail(`Inquiry ${id} cannot be decrypted: ${(err as Error).message}`);
  }
  if (!stored) fail(`No inquiry with id ${id}.`);
  const o = store.outbox(id);
  console.log(`id: ${stored.id}`);
  console.log(`received: ${iso(stored.createdAt)}`);
  console.log(`status: ${stored.status}${stored.reason ? ` (${stored.reason})` : ""}`);
  console.log(
    o
      ? `delivery: ${o.state}, attempts ${o.attempts}${o.sentAt ? `, sent ${iso(o.sentAt)}` : ""}${o.lastError ? `, last error ${o.lastError}${o.lastResponseCode ? ` ${o.lastResponseCode}` : ""}` : ""}`
      : "delivery: none",
  );
  for (const [k, v] of Object.entries(stored.inquiry)) {
    const text = String(v);
    if (text.includes("\n")) console.log(`${k}:\n${text.replace(/^/gm, "  ")}`);
    else console.log(`${k}: ${text}`);
  }
}

function retry(store: InquiryStore, target: string) {
  const now = Date.now();
  if (target === "--all-dead") {
    const dead = store.list("dead");
    let n = 0;
    for (const r of dead) if (store.requeue(r.id, now)) n++;
    console.log(`re-queued ${n} dead ${n === 1 ? "inquiry" : "inquiries"}`);
    return;
  }
  const entry = store.outbox(target);
  if (!entry) fail(store.getInquiry(target) ? `Inquiry ${target} has no delivery entry (quarantined).` : `No inquiry with id ${target}.`);
  if (!store.requeue(target, now)) fail(`Inquiry ${target} is ${entry.state}, not dead: nothing to re-queue.`);
  console.log(`re-queued ${target}`);
}

function purge(store: InquiryStore, dataDir: string, days: number) {
  const before = new Set(store.list("all").map((r) => r.id));
  const n = store.purge(Date.now() - days * DAY_MS);
  const after = new Set(store.list("all").map((r) => r.id));
  // The embedded mailer keeps a copy of each delivered message as <id>.eml: it goes with its inquiry.
  const mailDir = path.join(dataDir, "mail");
  let files = 0;
  for (const id of before) {
    if (after.has(id)) continue;
    const file = path.join(mailDir, `${id}.eml`);
    try {
      fs.unlinkSync(file);
      files++;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  }
  console.log(`purged ${n} ${n === 1 ? "inquiry" : "inquiries"} older than ${days} days (${files} mail ${files === 1 ? "file" : "files"})`);
}

function parseDays(args: string[], fallback: number): number {
  if (args.length === 0) return fallback;
  if (args.length === 2 && args[0] === "--days" && /^\d+$/.test(args[1])) return Number(args[1]);
  const joined = args.join(" ");
  const m = /^--days=(\d+)$/.exec(joined);
  if (m) return Number(m[1]);
  throw new UsageError(`purge takes only --days N (a whole number of days), not "${joined}"`);
}

function main(argv: string[]) {
  const [command, ...args] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE);
    return;
  }
  if (!["list", "show", "retry", "purge"].includes(command)) throw new UsageError(`Unknown command "${command}".`);

  // Check the arguments before opening anything.
  let filter: Filter = "all";
  if (command === "list") {
    if (args.length > 1 || (args[0] !== undefined && !FILTERS.includes(args[0] as Filter))) throw new UsageError(`list takes one of ${FILTERS.join(", ")}`);
    filter = (args[0] as Filter | undefined) ?? "all";
  }
  if ((command === "show" || command === "retry") && args.length !== 1) throw new UsageError(`${command} takes exactly one argument`);

  const { store, dataDir, retentionDays } = openStore();
  try {
    if (command === "list") list(store, filter);
    else if (command === "show") show(store, args[0]);
    else if (command === "retry") retry(store, args[0]);
    else purge(store, dataDir, parseDays(args, retentionDays));
  } finally {
    store.close();
  }
}

try {
  main(process.argv.slice(2));
} catch (err) {
  if (err instanceof UsageError) fail(`${err.message}\n\n${USAGE}`, 2);
  throw err;
}
