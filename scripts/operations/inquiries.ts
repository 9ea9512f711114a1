/**
 * Operator commands for stored inquiries, on the same database and keys as the server (DATA_DIR, INQUIRY_KEYS).
 *
 *   npx tsx scripts/operations/inquiries.ts list [pending|dead|unreadable|quarantined|sent|all]   ids and delivery states, never contents
 *   npx tsx scripts/operations/inquiries.ts show <id>                          one inquiry, decrypted, for intake staff
 *   npx tsx scripts/operations/inquiries.ts retry <id> | --all-dead | --all-unreadable
 *                                                                  re-queue dead or unreadable entries once the cause
 *                                                                  is fixed (a relay refusal; a missing key, old code)
 *   npx tsx scripts/operations/inquiries.ts purge [--days N]                   delete delivered and quarantined inquiries
 *                                                                  older than N days (default RETENTION_DAYS)
 *   npx tsx scripts/operations/inquiries.ts migrate                            bring the store to this code's schema version
 *                                                                  (servers also do this when they start)
 *   npx tsx scripts/operations/inquiries.ts check                              what health checks, for deploy scripts: one line per
 *                                                                  problem, exit 1 while any remains
 *   npx tsx scripts/operations/inquiries.ts test-mail                          send a marked test message (no inquiry) through
 *                                                                  the configured transport; print the relay's reply
 *
 * Safe to run while servers are running: SQLite in WAL mode is shared, and a running worker picks up re-queued
 * entries at its next poll.
 */
import fs from "node:fs";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { classifyFailure } from "@/lib/inquiries/failures";
import { describeTransport, sendTestMessage } from "@/lib/inquiries/mail";
import { KeyFileMissingError } from "@/lib/inquiries/crypto";
import { UnreadableRecordError, type InquiryStore, type ListFilter, type StoredInquiry } from "@/lib/inquiries/store/contract";
import { SchemaTooNewError } from "@/lib/inquiries/store/migrations";
import { StoreMissingError, migrateInquiryStore, openInquiryStore } from "@/lib/inquiries/store/open";
import { checkHealth } from "@/lib/inquiries/health";
import { createMailer } from "@/lib/inquiries/mail";

const USAGE = `Usage:
  npx tsx scripts/operations/inquiries.ts list [pending|dead|unreadable|quarantined|sent|all]
  npx tsx scripts/operations/inquiries.ts show <id>
  npx tsx scripts/operations/inquiries.ts retry <id> | --all-dead | --all-unreadable
  npx tsx scripts/operations/inquiries.ts purge [--days N]
  npx tsx scripts/operations/inquiries.ts migrate
  npx tsx scripts/operations/inquiries.ts check
  npx tsx scripts/operations/inquiries.ts test-mail`;

const FILTERS = ["pending", "dead", "unreadable", "quarantined", "sent", "all"] as const satisfies readonly ListFilter[];
type Filter = (typeof FILTERS)[number];
const DAY_MS = 24 * 3_600_000;

class UsageError extends Error {}

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

class ConfigError extends Error {}

/**
 * The store commands read and re-queue inquiries while mail settings may be being fixed: a mail fault on a public
 * origin is not theirs to refuse (test-mail, like the server, refuses it).
 */
function operatorEnv() {
  try {
    return parseEnv(process.env, { purpose: "operator" });
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
}

async function openStore(): Promise<{ store: InquiryStore; dataDir: string; retentionDays: number }> {
  const env = operatorEnv();
  // mustExist: never create an empty database, and never a key (a missing key file is a KeyFileMissingError).
  const store = await openInquiryStore({ dataDir: env.dataDir, inquiryKeys: env.INQUIRY_KEYS, mustExist: true });
  return { store, dataDir: env.dataDir, retentionDays: env.RETENTION_DAYS };
}

const iso = (ms: number) => new Date(ms).toISOString();

async function list(store: InquiryStore, filter: Filter) {
  for (const r of await store.list(filter)) {
    const error = r.lastError ? `${r.lastError}${r.lastResponseCode ? ` ${r.lastResponseCode}` : ""}` : r.lastResponseCode ? String(r.lastResponseCode) : "-";
    console.log([r.id, r.status, r.state ?? "-", `attempts=${r.attempts}`, `error=${error}`, iso(r.createdAt)].join("\t"));
  }
}

async function show(store: InquiryStore, id: string) {
  let stored: StoredInquiry | undefined;
  try {
    stored = await store.getInquiry(id);
  } catch (err) {
    if (!(err instanceof UnreadableRecordError)) throw err;
    // What is known without the contents: the id, the delivery state and why it cannot be read.
    const o = await store.outbox(id);
    console.log(`id: ${id}`);
    console.log(`state: ${o ? o.state : "no delivery entry (quarantined)"}`);
    console.log(`error: ${err.code}`);
    fail(`Cannot show it (${err.code}): ${err.message}`);
  }
  if (!stored) fail(`No inquiry with id ${id}.`);
  const o = await store.outbox(id);
  console.log(`id: ${stored.id}`);
  console.log(`received: ${iso(stored.createdAt)}`);
  console.log(`status: ${stored.status}${stored.reason ? ` (${stored.reason})` : ""}`);
  console.log(
    o
      ? `delivery: ${o.state}, attempts ${o.attempts}${o.sentAt ? `, sent ${iso(o.sentAt)}` : ""}${o.lastError ? `, last error ${o.lastError}${o.lastResponseCode ? ` ${o.lastResponseCode}` : ""}` : ""}${o.lastDetail ? `\nrelay said: ${o.lastDetail}` : ""}`
      : "delivery: none",
  );
  for (const [k, v] of Object.entries(stored.inquiry)) {
    const text = String(v);
    if (text.includes("\n")) console.log(`${k}:\n${text.replace(/^/gm, "  ")}`);
    else console.log(`${k}: ${text}`);
  }
}

async function retry(store: InquiryStore, target: string) {
  const now = Date.now();
  if (target === "--all-dead" || target === "--all-unreadable") {
    const state = target === "--all-dead" ? "dead" : "unreadable";
    let n = 0;
    for (const r of await store.list(state)) if (await store.requeue(r.id, now)) n++;
    console.log(`re-queued ${n} ${state} ${n === 1 ? "inquiry" : "inquiries"}`);
    return;
  }
  const entry = await store.outbox(target);
  if (!entry) {
    const exists = (await store.list("all")).some((r) => r.id === target);
    fail(exists ? `Inquiry ${target} has no delivery entry (quarantined).` : `No inquiry with id ${target}.`);
  }
  if (!(await store.requeue(target, now))) fail(`Inquiry ${target} is ${entry.state}, not dead or unreadable: nothing to re-queue.`);
  console.log(`re-queued ${target}`);
}

async function purge(store: InquiryStore, dataDir: string, days: number) {
  const before = new Set((await store.list("all")).map((r) => r.id));
  const n = await store.purge(Date.now() - days * DAY_MS);
  const after = new Set((await store.list("all")).map((r) => r.id));
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

async function migrate() {
  const env = operatorEnv();
  const { from, to } = await migrateInquiryStore({ dataDir: env.dataDir, mustExist: true });
  console.log(from === to ? `schema version ${to}: nothing to migrate` : `migrated schema version ${from} → ${to}`);
}

/**
 * The server's health checks, run once from here: configuration, the data folder, the store (opened as the
 * server would, without creating anything), delivery. Prints one line per problem and exits 1 while any remains.
 */
async function check() {
  let env;
  try {
    env = parseEnv(process.env);
  } catch (err) {
    fail(`config-invalid: ${(err as Error).message.replace(/\n\s*/g, " ")}`);
  }
  let store: InquiryStore | { unavailable: string };
  try {
    store = await openInquiryStore({ dataDir: env.dataDir, inquiryKeys: env.INQUIRY_KEYS, mustExist: true });
  } catch (err) {
    store = { unavailable: String((err as { code?: unknown }).code ?? (err as Error).name) };
  }
  const report = await checkHealth({ store, dataDir: env.dataDir, transport: createMailer(env).describe, now: Date.now() });
  if ("close" in store) await store.close();
  const problems = [...env.mailFaults.map((f) => `mail-config:${f.variable}`), ...report.problems];
  for (const problem of problems) console.log(problem);
  if (problems.length > 0) process.exit(1);
  console.log(`ok: ${report.counts?.pending ?? 0} pending; mail to ${report.transport}`);
}

/** What to look at for each kind of failure (the reason code says which). */
const TEST_MAIL_HINTS: Record<string, string> = {
  config:
    "A configuration error: check the user and password in SMTP_URL, that the relay offers TLS, and that its certificate is valid for the " +
    "host name in SMTP_URL (a private CA: NODE_EXTRA_CA_CERTS=/path/ca.pem). Inquiries wait, pending, until this is fixed.",
  permanent: "The relay refused the message: MAIL_FROM must be an address the relay may send from (SPF/DKIM), and MAIL_TO must exist.",
  transient: "The relay could not be reached or asked to try later: check the host and port in SMTP_URL and the network; inquiries are retried.",
};

/** One marked message through the configured transport, as the server would send it; non-zero exit on failure. */
async function testMail() {
  let env;
  try {
    env = parseEnv(process.env); // the server's rules: a configuration the server would refuse is refused here too
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  // Mail settings the server would take no inquiry with are refused here as well.
  if (env.mailFaults.length > 0)
    throw new ConfigError(
      `Mail would reach nobody (the server takes no inquiry like this):\n${env.mailFaults.map((f) => `  - ${f.variable}: ${f.message}`).join("\n")}`,
    );
  const t = describeTransport(env);
  console.log(`Sending a test message from ${env.MAIL_FROM} to ${env.MAIL_TO} through ${t.kind} ${t.target}`);
  let result;
  try {
    result = await sendTestMessage(env);
  } catch (err) {
    const f = classifyFailure(err);
    const reply = (err as { response?: unknown }).response;
    fail(
      `Test message failed: ${f.kind} error ${f.code}${f.responseCode ? ` ${f.responseCode}` : ""}` +
        `${typeof reply === "string" ? `\nThe relay replied: ${reply}` : ""}\n${TEST_MAIL_HINTS[f.kind]}`,
    );
  }
  if (result.kind === "smtp") console.log(`The relay accepted it: ${result.response ?? "(no reply text)"}`);
  else console.log(`Written to ${result.file}\nFile transport: nobody is emailed, and the file is in clear text. It is for trying the site only.`);
}

async function main(argv: string[]) {
  const [command, ...args] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    console.log(USAGE);
    return;
  }
  if (!["list", "show", "retry", "purge", "migrate", "check", "test-mail"].includes(command)) throw new UsageError(`Unknown command "${command}".`);
  if (command === "test-mail") {
    if (args.length > 0) throw new UsageError("test-mail takes no arguments");
    return testMail();
  }

  // Check the arguments before opening anything.
  let filter: Filter = "all";
  if (command === "list") {
    if (args.length > 1 || (args[0] !== undefined && !FILTERS.includes(args[0] as Filter))) throw new UsageError(`list takes one of ${FILTERS.join(", ")}`);
    filter = (args[0] as Filter | undefined) ?? "all";
  }
  if ((command === "show" || command === "retry") && args.length !== 1) throw new UsageError(`${command} takes exactly one argument`);
  if (command === "migrate") {
    if (args.length > 0) throw new UsageError("migrate takes no arguments");
    return migrate();
  }
  if (command === "check") {
    if (args.length > 0) throw new UsageError("check takes no arguments");
    return check();
  }
  const days = command === "purge" ? parseDays(args, 0) : 0;

  const { store, dataDir, retentionDays } = await openStore();
  try {
    if (command === "list") await list(store, filter);
    else if (command === "show") await show(store, args[0]);
    else if (command === "retry") await retry(store, args[0]);
    else await purge(store, dataDir, args.length === 0 ? retentionDays : days);
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) fail(`${err.message}\n\n${USAGE}`, 2);
  // Expected refusals get their message, not a stack trace.
  if (err instanceof StoreMissingError || err instanceof SchemaTooNewError || err instanceof KeyFileMissingError || err instanceof ConfigError)
    fail(err.message);
  throw err;
});
