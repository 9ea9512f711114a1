/**
 * Operator commands for stored inquiries, on the same database and keys as the server (DATA_DIR, INQUIRY_KEYS).
 *
 *   npm run inquiries -- list [pending|dead|unreadable|quarantined|sent|all]
 *       ids and delivery states, never contents
 *   npm run inquiries -- show <id>
 *       one inquiry, decrypted, for intake staff
 *   npm run inquiries -- retry <id> | --all-dead | --all-unreadable
 *       re-queue dead or unreadable entries once the cause is fixed (a relay refusal; a missing key, old code)
 *   npm run inquiries -- purge [--days N]
 *       delete delivered and quarantined inquiries older than N days (default RETENTION_DAYS)
 *   npm run inquiries -- migrate
 *       bring the store to this code's schema version (servers also do this when they start)
 *   npm run inquiries -- check
 *       what health checks, for deploy scripts: one line per problem, exit 1 while any remains
 *   npm run inquiries -- test-mail
 *       send a marked test message (no inquiry) through the configured transport; print the relay's reply
 *   npm run inquiries -- copy-to-postgres
 *       copy the SQLite store in DATA_DIR into the PostgreSQL store at DATABASE_URL (refused while the file is in
 *       use; sending entries become pending; every record must decrypt under INQUIRY_KEYS; safe to run again)
 *
 * With DATABASE_URL set, every command but copy-to-postgres works on the PostgreSQL store (INQUIRY_KEYS required).
 * Arguments are parsed with node:util parseArgs; a wrong one is answered with the usage and exit code 2, before
 * anything is opened.
 *
 * Safe to run while servers are running: SQLite in WAL mode is shared, and a running worker picks up re-queued
 * entries at its next poll.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parseEnv } from "@/lib/env";
import { classifyFailure } from "@/lib/inquiries/failures";
import { describeTransport, sendTestMessage } from "@/lib/inquiries/mail";
import { KeyFileMissingError } from "@/lib/inquiries/crypto";
import { UnreadableRecordError, type InquiryStore, type ListFilter, type StoredInquiry } from "@/lib/inquiries/store/contract";
import { SchemaTooNewError } from "@/lib/inquiries/store/migrations";
import { SharedStoreKeysMissingError, StoreMissingError, migrateInquiryStore, openInquiryStore, storeOptions } from "@/lib/inquiries/store/open";
import { PostgresStoreMissingError, SynchronousCommitOffError } from "@/lib/inquiries/store/postgres";
import { CopyCountMismatchError, CopyKeysError, SourceInUseError, copySqliteToPostgres, formatCounts } from "@/lib/inquiries/store/copy-to-postgres";
import { StoreUnavailableError } from "@/lib/inquiries/store/availability";
import { checkHealth } from "@/lib/inquiries/health";
import { createMailer } from "@/lib/inquiries/mail";

const USAGE = `Usage:
  npm run inquiries -- list [pending|dead|unreadable|quarantined|sent|all]
  npm run inquiries -- show <id>
  npm run inquiries -- retry <id> | --all-dead | --all-unreadable
  npm run inquiries -- purge [--days N]
  npm run inquiries -- migrate
  npm run inquiries -- check
  npm run inquiries -- test-mail
  npm run inquiries -- copy-to-postgres`;

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
  const store = await openInquiryStore({ ...storeOptions(env), mustExist: true });
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
  console.log(`site: ${stored.siteLocale}`);
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

async function migrate() {
  const env = operatorEnv();
  const { from, to } = await migrateInquiryStore({ ...storeOptions(env), mustExist: true });
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
    store = await openInquiryStore({ ...storeOptions(env), mustExist: true });
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

/**
 * Copies the SQLite store in DATA_DIR into PostgreSQL at DATABASE_URL (lib/inquiries/store/copy-to-postgres.ts) and
 * prints the counts per state it verified.
 */
async function copyToPostgres() {
  const env = operatorEnv();
  if (!env.DATABASE_URL) throw new ConfigError("copy-to-postgres copies into the store at DATABASE_URL: set DATABASE_URL (postgres://…) and INQUIRY_KEYS.");
  const report = await copySqliteToPostgres({ ...storeOptions(env), databaseUrl: env.DATABASE_URL });
  console.log(
    `source  ${path.join(env.dataDir, "inquiries.db")}: ${report.total} ${report.total === 1 ? "inquiry" : "inquiries"}, ${formatCounts(report.source)}`,
  );
  if (report.sendingAsPending > 0) console.log(`        ${report.sendingAsPending} being sent, copied as pending`);
  console.log(`copied  ${report.added} new, ${report.alreadyThere} already in ${report.where}: ${formatCounts(report.copied)}`);
  console.log(`target  the same ${report.total} in PostgreSQL now: ${formatCounts(report.target)}`);
  console.log("counts verified. Start the servers with DATABASE_URL and INQUIRY_KEYS; keep DATA_DIR's copy until you have checked `list`.");
}

type Command =
  | { name: "help" }
  | { name: "list"; filter: Filter }
  | { name: "show"; id: string }
  | { name: "retry"; target: string }
  | { name: "purge"; days: number | undefined }
  | { name: "migrate" | "check" | "test-mail" | "copy-to-postgres" };

/** Which options each command takes (node:util parseArgs refuses any other option before a command runs). */
const OPTIONS_OF: Record<string, readonly string[]> = {
  list: [],
  show: [],
  retry: ["all-dead", "all-unreadable"],
  purge: ["days"],
  migrate: [],
  check: [],
  "test-mail": [],
  "copy-to-postgres": [],
};

/** The command line as a command, or a UsageError (exit code 2, with the usage) saying what is wrong. */
function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: "boolean", short: "h" },
        days: { type: "string" },
        "all-dead": { type: "boolean" },
        "all-unreadable": { type: "boolean" },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  const [name, ...rest] = positionals;
  if (values.help || name === undefined || name === "help") return { name: "help" };
  const allowed = OPTIONS_OF[name];
  if (!allowed) throw new UsageError(`Unknown command "${name}".`);
  const given = Object.keys(values).filter((o) => values[o as keyof typeof values] !== undefined);
  const foreign = given.filter((o) => !allowed.includes(o));
  if (foreign.length) throw new UsageError(`${name} takes no ${foreign.map((o) => `--${o}`).join(", ")}`);

  switch (name) {
    case "list":
      if (rest.length > 1 || (rest[0] !== undefined && !FILTERS.includes(rest[0] as Filter))) throw new UsageError(`list takes one of ${FILTERS.join(", ")}`);
      return { name, filter: (rest[0] as Filter | undefined) ?? "all" };
    case "show":
      if (rest.length !== 1) throw new UsageError("show takes exactly one inquiry id");
      return { name, id: rest[0] };
    case "retry": {
      const targets = [...rest, ...(values["all-dead"] ? ["--all-dead"] : []), ...(values["all-unreadable"] ? ["--all-unreadable"] : [])];
      if (targets.length !== 1) throw new UsageError("retry takes exactly one of: an inquiry id, --all-dead, --all-unreadable");
      return { name, target: targets[0] };
    }
    case "purge":
      if (rest.length > 0) throw new UsageError(`purge takes only --days N, not "${rest.join(" ")}"`);
      if (values.days !== undefined && !/^\d+$/.test(values.days)) throw new UsageError(`--days takes a whole number of days, not "${values.days}"`);
      return { name, days: values.days === undefined ? undefined : Number(values.days) };
    default:
      if (rest.length > 0) throw new UsageError(`${name} takes no arguments`);
      return { name: name as "migrate" | "check" | "test-mail" | "copy-to-postgres" };
  }
}

async function main(argv: string[]) {
  // The arguments are checked before anything is opened.
  const command = parseCommand(argv);
  if (command.name === "help") return console.log(USAGE);
  if (command.name === "test-mail") return testMail();
  if (command.name === "migrate") return migrate();
  if (command.name === "check") return check();
  if (command.name === "copy-to-postgres") return copyToPostgres();

  const { store, dataDir, retentionDays } = await openStore();
  try {
    if (command.name === "list") await list(store, command.filter);
    else if (command.name === "show") await show(store, command.id);
    else if (command.name === "retry") await retry(store, command.target);
    else if (command.name === "purge") await purge(store, dataDir, command.days ?? retentionDays);
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) fail(`${err.message}\n\n${USAGE}`, 2);
  // Expected refusals get their message, not a stack trace.
  if (
    err instanceof StoreMissingError ||
    err instanceof SchemaTooNewError ||
    err instanceof KeyFileMissingError ||
    err instanceof ConfigError ||
    err instanceof SharedStoreKeysMissingError ||
    err instanceof PostgresStoreMissingError ||
    err instanceof SynchronousCommitOffError ||
    err instanceof SourceInUseError ||
    err instanceof CopyKeysError ||
    err instanceof CopyCountMismatchError
  )
    fail(err.message);
  // The database could not be reached: its code (never the URL, which holds the password).
  if (err instanceof StoreUnavailableError) fail(`${err.message} Check DATABASE_URL, the network and the database server.`);
  throw err;
});
