// "Never lose an inquiry", under three kinds of fault. Each scenario starts its own two server processes on one
// DATA_DIR (one SITE_ORIGIN, as behind one proxy), its own SMTP sink and its own submissions, and ends with the
// same reconciliation of what the clients were told (2xx, 503), what the database holds and what the sink got.
//
//   timeline   faults on a timeline while N inquiries arrive: t=2 s SMTP down (421 on connect) · t=5 s SIGKILL
//              server 1, restarted 1 s later on the same port and DATA_DIR · t=8 s SMTP answers 451 to RCPT for
//              5 s · t=13 s SMTP accepts again.
//   full-disk  DATA_DIR on a small tmpfs. Inquiries arrive at a steady pace; at t=4 s a filler file takes every
//              free byte, at t=12 s it is deleted. Expected: 503s while full (nothing acknowledged that was not
//              stored), pages 200 throughout, health naming the fault, no inquiry mailed again and again while the
//              store cannot record a send.
//   lost-key   N inquiries stored while SMTP is down (so they stay pending); the servers are stopped, the key file
//              is moved away and the servers started again: they must serve pages, answer inquiries 503, report
//              store-unavailable:KEY_FILE_MISSING and create no key. The key is put back; they must recover at their
//              next probe (HEALTH_PROBE_MS 500) without a restart; then SMTP accepts and every inquiry is delivered.
//
// Each scenario then waits (at most 90 s) until no outbox entry is pending or sending, and reconciles.
// Usage: npm run bench:chaos [-- --scenario all|timeline|full-disk|lost-key]   (default all; builds if stale)
// Ports are chosen by the OS (freePort). full-disk mounts a tmpfs, so it needs root. BENCH_CHAOS_N sets the
// submissions per scenario (default 200); BENCH_TMPFS_SIZE the tmpfs size (default 8m, see FULL_DISK_SIZE).
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { freePort, startNext, sampleInquiry, tempDir, type NextServer } from "../../tests/helpers/next-server";
import { startSmtpSink, type SmtpSink } from "../../tests/helpers/smtp-sink";
import { ensureBuild, fmtLoad, killChild, onExit, removeOnExit, run, sleep, table, track, waitForQuiet } from "./lib";

const SCENARIOS = ["timeline", "full-disk", "lost-key"] as const;
type Scenario = (typeof SCENARIOS)[number];

/**
 * A public origin, so the servers apply their production rules for mail (explicit transport, no reserved mail
 * domains). The mail never leaves 127.0.0.1: SMTP_URL is the loopback sink. The addresses are therefore on a
 * domain that is clearly a benchmark's (not one RFC 2606 reserves, which a public origin refuses).
 */
const ORIGIN = "https://iop.example.org";
const MAIL_TO = "intake@iop-bench-sink.net";
const MAIL_FROM = "website@iop-bench-sink.net";
const N = Number(process.env.BENCH_CHAOS_N ?? 200);
const CONCURRENCY = 20;
const RETRIES = 3;
const REQUEST_TIMEOUT_MS = 10_000;
const DRAIN_LIMIT_MS = 90_000;
/** How often the monitor asks each server for GET / and GET /api/health while a fault scenario runs. */
const MONITOR_MS = 250;

/** timeline: submissions start one every PACE_MS, so they span the fault timeline instead of finishing in the first second. */
const TIMELINE_PACE_MS = 65;

/**
 * full-disk: the tmpfs must hold the database and its write-ahead log with room to spare before the filler
 * arrives. SQLite checkpoints the WAL at 1000 pages (4 MiB) and then reuses the file without shrinking it, so a
 * tmpfs of 2 MiB fills by itself after a few hundred transactions; 8 MiB keeps the fault where the filler puts it.
 */
const FULL_DISK_SIZE = process.env.BENCH_TMPFS_SIZE ?? "8m";
const FULL_DISK_PACE_MS = 100;
const FILL_AT_MS = 4_000;
const FREE_AT_MS = 12_000;

/** lost-key: how fast the first inquiries arrive, how many arrive while the key is missing, and how long it is. */
const LOST_KEY_PACE_MS = 20;
const DURING_LOSS = 20;
const LOSS_MS = 6_000;
const PROBE_MS = "500";

const fastEnv = (sinkUrl: string, extra: Record<string, string> = {}): Record<string, string> => ({
  SITE_ORIGIN: ORIGIN,
  MAIL_TRANSPORT: "smtp",
  MAIL_TO,
  MAIL_FROM,
  SMTP_URL: sinkUrl,
  SMTP_REQUIRE_TLS: "false",
  RETRY_BASE_MS: "200",
  RETRY_MAX_MS: "2000",
  DELIVERY_POLL_MS: "100",
  SMTP_CONNECTION_TIMEOUT_MS: "1000",
  SMTP_SOCKET_TIMEOUT_MS: "2000",
  // The shortest lease lib/env.ts accepts with these timeouts is 2 × 1000 + 2000 + 5000 ms.
  DELIVERY_LEASE_MS: "9000",
  RATE_LIMIT_MAX: "1000000",
  ...extra,
});

const ms = (n: number) => `${(n / 1000).toFixed(1)} s`;
const counts = (values: Iterable<string>) => {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
};
const fmtCounts = (m: Map<string, number>) =>
  m.size === 0
    ? "none"
    : [...m]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k}×${v}`)
        .join(", ");

function scenariosFromArgs(): Scenario[] {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === "--scenario" || a.startsWith("--scenario="));
  const value = i < 0 ? "all" : args[i].includes("=") ? args[i].split("=")[1] : args[i + 1];
  if (value === "all") return [...SCENARIOS];
  const chosen = (value ?? "").split(",");
  for (const c of chosen) if (!SCENARIOS.includes(c as Scenario)) throw new Error(`--scenario: expected all, ${SCENARIOS.join(", ")}; got "${c}"`);
  return chosen as Scenario[];
}

// ---------------------------------------------------------------- a scenario's clock and notes

class Clock {
  t0 = Date.now();
  events: string[] = [];
  constructor(private readonly name: string) {}
  at = (t = Date.now()) => `t=${((t - this.t0) / 1000).toFixed(2)} s`;
  note = (what: string) => {
    const line = `${this.at()} ${what}`;
    this.events.push(line);
    console.error(`[chaos:${this.name}] ${line}`);
  };
}

// ---------------------------------------------------------------- clients

interface Answer {
  at: number;
  /** A status code, "network-error" or "timeout". */
  status: string;
  retryAfter: boolean;
}

interface Submission {
  i: number;
  key: string;
  /** Which part of the scenario sent it (e.g. "before the loss"). */
  phase: string;
  answers: Answer[];
  status: number | "network-error" | "timeout";
  acknowledged: boolean;
}

function makeSubmissions(prefix: string, from: number, n: number, phase: string): Submission[] {
  return Array.from({ length: n }, (_, k) => ({
    i: from + k,
    key: `${prefix}${String(from + k).padStart(4, "0")}-${crypto.randomBytes(6).toString("base64url")}`,
    phase,
    answers: [],
    status: "network-error" as const,
    acknowledged: false,
  }));
}

/** One submission, retried (same key) on a network error, a timeout or a 5xx, each retry to the other server. */
async function submit(s: Submission, ports: () => readonly number[], runId: string) {
  for (let attempt = 0; attempt <= RETRIES; attempt++) {
    const list = ports();
    const port = list[(s.i + attempt) % list.length];
    const at = Date.now();
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/inquiries`, {
        method: "POST",
        headers: { origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": "application/json", "idempotency-key": s.key },
        body: JSON.stringify(
          sampleInquiry({
            name: `Chaos ${runId} ${s.i}`,
            email: `chaos-${s.i}@example.org`,
            contactMethod: "email",
            message: `Chaos run ${runId}, submission ${s.i}.`,
          }),
        ),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await res.arrayBuffer();
      s.status = res.status;
      s.answers.push({ at, status: String(res.status), retryAfter: res.headers.has("retry-after") });
      if (res.status < 500) {
        s.acknowledged = res.status >= 200 && res.status < 300;
        return;
      }
    } catch (e) {
      s.status = (e as Error).name === "TimeoutError" ? "timeout" : "network-error";
      s.answers.push({ at, status: s.status, retryAfter: false });
    }
    await sleep(300 * (attempt + 1));
  }
}

/** Starts the submissions one every `paceMs` from `start`, at most CONCURRENCY in flight. */
async function submitPaced(subs: Submission[], ports: () => readonly number[], runId: string, start: number, paceMs: number) {
  let next = 0;
  const worker = async () => {
    while (next < subs.length) {
      const k = next++;
      const due = start + k * paceMs;
      if (Date.now() < due) await sleep(due - Date.now());
      await submit(subs[k], ports, runId);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

// ---------------------------------------------------------------- servers

/** Every server process a scenario started (also the killed and stopped ones), for the log evidence of a duplicate. */
type Started = { label: string; server: NextServer }[];

async function startOne(started: Started, label: string, port: number, dataDir: string, env: Record<string, string>) {
  const s = await startNext({ port, dataDir, env });
  track(s.proc);
  started.push({ label, server: s });
  return s;
}

async function startServers(started: Started, dataDir: string, env: Record<string, string>, ports?: number[]) {
  const chosen = ports ?? [await freePort(), await freePort()];
  const servers: NextServer[] = [];
  // One after the other: on a new DATA_DIR the first start creates the database and the key file.
  for (const [k, port] of chosen.entries()) servers.push(await startOne(started, `server ${k + 1} (start ${started.length + 1})`, port, dataDir, env));
  return { ports: chosen, servers };
}

/**
 * For each inquiry the sink received more than once: when each copy arrived, and every log line of every server
 * process that names it, plus the store errors and recoveries of the delivery workers, on the scenario's clock.
 */
function duplicateEvidence(ids: string[], sink: SmtpSink, started: Started, clock: Clock): string[] {
  const out: string[] = [];
  const lines = started.flatMap(({ label, server }) =>
    server
      .output()
      .split("\n")
      .map((line) => ({ label, line })),
  );
  const stamp = (line: string) => {
    try {
      const entry = JSON.parse(line) as { t?: string };
      return entry.t ? clock.at(Date.parse(entry.t)) : "";
    } catch {
      return "";
    }
  };
  for (const id of ids) {
    const copies = sink.messages.filter((m) => inquiryIdOf(m.parsed.messageId) === id);
    out.push(`- duplicate ${id} (Message-ID ${copies[0]?.parsed.messageId}): received at ${copies.map((m) => clock.at(m.receivedAt)).join(" and ")}`);
    for (const { label, line } of lines) if (line.includes(id)) out.push(`  - ${label}: ${stamp(line)} ${line}`);
  }
  if (ids.length > 0)
    for (const { label, line } of lines)
      if (/delivery\.(store-error|store-recovered|lease-renew-error)/.test(line)) out.push(`  - ${label}: ${stamp(line)} ${line}`);
  return out;
}

// ---------------------------------------------------------------- pages and health, polled in the background

interface Tally {
  pages: string[];
  health: string[];
  problems: string[];
}

/** Polls GET / and GET /api/health (detailed: this is loopback) on every server, tallied by the phase at the time. */
function startMonitor(ports: () => readonly number[], phase: () => string) {
  const tallies = new Map<string, Tally>();
  let stopped = false;
  const get = async (url: string) => {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: "manual" });
      return { status: String(res.status), body: await res.text() };
    } catch (e) {
      return { status: (e as Error).name === "TimeoutError" ? "timeout" : "network-error", body: "" };
    }
  };
  const loop = (async () => {
    while (!stopped) {
      const p = phase();
      const t = tallies.get(p) ?? { pages: [], health: [], problems: [] };
      tallies.set(p, t);
      await Promise.all(
        ports().map(async (port) => {
          const [page, health] = await Promise.all([get(`http://127.0.0.1:${port}/`), get(`http://127.0.0.1:${port}/api/health`)]);
          t.pages.push(page.status);
          let status = health.status;
          try {
            const body = JSON.parse(health.body) as { status?: string; problems?: string[] };
            status = `${health.status} ${body.status ?? "?"}`;
            t.problems.push(...(body.problems ?? []));
          } catch {
            /* no JSON: a network error */
          }
          t.health.push(status);
        }),
      );
      await sleep(MONITOR_MS);
    }
  })();
  return {
    tallies,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

function monitorRows(tallies: Map<string, Tally>): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const [phase, t] of tallies) {
    rows.push([`GET / while ${phase}`, fmtCounts(counts(t.pages))]);
    rows.push([`GET /api/health while ${phase}`, fmtCounts(counts(t.health))]);
    rows.push([`health problems while ${phase}`, [...new Set(t.problems)].join(", ") || "none"]);
  }
  return rows;
}

// ---------------------------------------------------------------- the store and the sink

interface StoreRow {
  id: string;
  idempotency_key: string | null;
  status: string;
  state: string | null;
  attempts: number | null;
  last_error: string | null;
}

function pendingOrSending(dbFile: string): number {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    return (db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE state IN ('pending', 'sending')").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Waits until no outbox entry is pending or sending; the time it happened, or NaN after `limitMs`. */
async function waitDrained(dbFile: string, limitMs = DRAIN_LIMIT_MS): Promise<number> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (pendingOrSending(dbFile) === 0) return Date.now();
    await sleep(200);
  }
  return NaN;
}

function readStore(dbFile: string) {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const rows = db
      .prepare("SELECT i.id, i.idempotency_key, i.status, o.state, o.attempts, o.last_error FROM inquiries i LEFT JOIN outbox o ON o.inquiry_id = i.id")
      .all() as StoreRow[];
    const integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
    const fkProblems = (db.pragma("foreign_key_check") as unknown[]).length;
    return { rows, integrity, fkProblems };
  } finally {
    db.close();
  }
}

const inquiryIdOf = (messageId: string | undefined) => /<(inq_[^@>]+)@/.exec(messageId ?? "")?.[1] ?? `?${messageId}`;

/** Sink messages per inquiry id (optionally only those received in [from, to)). */
function sendsById(sink: SmtpSink, from = -Infinity, to = Infinity) {
  const m = new Map<string, { count: number; messageId: string }>();
  for (const msg of sink.messages) {
    if (msg.receivedAt < from || msg.receivedAt >= to) continue;
    const id = inquiryIdOf(msg.parsed.messageId);
    const e = m.get(id) ?? { count: 0, messageId: msg.parsed.messageId ?? "?" };
    e.count++;
    m.set(id, e);
  }
  return m;
}

// ---------------------------------------------------------------- the reconciliation every scenario prints

interface Outcome {
  title: string;
  rows: (string | number)[][];
  events: string[];
  /** Anything that breaks the promise, described; the run exits 1 if any scenario has some. */
  faults: string[];
  details: string[];
}

function reconcile(o: { subs: Submission[]; prefix: string; dbFile: string; sink: SmtpSink; drain: string; started: Started; clock: Clock }) {
  const { rows, integrity, fkProblems } = readStore(o.dbFile);
  const byKey = new Map(rows.map((r) => [r.idempotency_key, r]));
  const ids = new Set(rows.map((r) => r.id));
  const seen = sendsById(o.sink);
  const ours = rows.filter((r) => r.idempotency_key?.startsWith(o.prefix));
  const acked = o.subs.filter((s) => s.acknowledged);
  const ackedNotStored = acked.filter((s) => !byKey.has(s.key));
  const ackedRows = acked.map((s) => byKey.get(s.key)).filter((r): r is StoreRow => r !== undefined);
  const notDelivered = ackedRows.filter((r) => !seen.has(r.id));
  const stuck = notDelivered.filter((r) => r.state !== "sent");
  const sentNotReceived = notDelivered.filter((r) => r.state === "sent");
  const lost = ackedNotStored.length + notDelivered.length;
  const storedNotAcked = o.subs.filter((s) => !s.acknowledged && byKey.has(s.key));
  const refusedLast = o.subs.filter((s) => s.status === 503);
  const answers503 = o.subs.flatMap((s) => s.answers.filter((a) => a.status === "503"));
  const dups = [...seen].filter(([id, e]) => e.count > 1 && ids.has(id));
  const duplicates = dups.reduce((n, [, e]) => n + e.count - 1, 0);
  const receivedUnknown = [...seen.keys()].filter((id) => !ids.has(id));
  const delivered = ours.filter((r) => seen.has(r.id)).length;
  const faults: string[] = [];
  const details: string[] = [];
  if (lost > 0) {
    faults.push(`${lost} acknowledged inquiries were not delivered`);
    for (const s of ackedNotStored) details.push(`- LOST, acknowledged but not stored: key ${s.key} (answers: ${s.answers.map((a) => a.status).join(", ")})`);
    for (const r of notDelivered) details.push(`- LOST, ${r.id}: state ${r.state}, attempts ${r.attempts}, last error ${r.last_error}`);
  }
  if (duplicates > 0)
    details.push(
      ...duplicateEvidence(
        dups.map(([id]) => id),
        o.sink,
        o.started,
        o.clock,
      ),
    );
  if (receivedUnknown.length > 0) faults.push(`${receivedUnknown.length} messages at the sink for ids not in the store`);
  if (integrity !== "ok" || fkProblems > 0) faults.push(`store integrity: ${integrity}, foreign key problems ${fkProblems}`);
  const table: (string | number)[][] = [
    ["submissions", o.subs.length],
    ["acknowledged (2xx)", acked.length],
    ["refused with 503 (final answer)", refusedLast.length],
    ["503 answers in all, incl. retried ones (with Retry-After)", `${answers503.length} (${answers503.filter((a) => a.retryAfter).length})`],
    ["final client statuses", fmtCounts(counts(o.subs.map((s) => String(s.status))))],
    ["submissions that needed a retry", o.subs.filter((s) => s.answers.length > 1).length],
    ["stored rows (distinct ids)", `${ours.length} (${new Set(ours.map((r) => r.id)).size} distinct)`],
    ["stored but never acknowledged to the client", storedNotAcked.length],
    ["delivered (distinct inquiry ids at the sink)", delivered],
    [
      "duplicates (messages beyond one per id)",
      duplicates === 0 ? 0 : `${duplicates}: ${dups.map(([, e]) => `${e.messageId}×${e.count}`).join(", ")}`.slice(0, 400),
    ],
    ["dead", ours.filter((r) => r.state === "dead").length],
    ["unreadable", ours.filter((r) => r.state === "unreadable").length],
    ["most delivery attempts for one entry", Math.max(0, ...ours.map((r) => r.attempts ?? 0))],
    ["lost: acknowledged but not stored", ackedNotStored.length],
    ["lost: acknowledged, stored, not sent (pending, sending, dead, unreadable)", stuck.length],
    ["lost: marked sent but never reached the sink", sentNotReceived.length],
    ["**lost: acknowledged but not delivered (must be 0)**", `**${lost}**`],
    ["mail at the sink for unknown ids", receivedUnknown.length],
    ["drain time", o.drain],
    ["PRAGMA integrity_check", integrity],
    ["PRAGMA foreign_key_check problems", fkProblems],
  ];
  return { table, faults, details, rows, seen };
}

const drainText = (drainedAt: number, from: number, what: string) =>
  Number.isNaN(drainedAt) ? `> ${DRAIN_LIMIT_MS / 1000} s after ${what} (NOT drained)` : `${ms(drainedAt - from)} after ${what}`;

// ---------------------------------------------------------------- timeline

async function timeline(runId: string): Promise<Outcome> {
  const clock = new Clock("timeline");
  const dataDir = removeOnExit(tempDir("iop-bench-chaos-"));
  const dbFile = path.join(dataDir, "inquiries.db");
  const prefix = `chaos-${runId}-t-`;
  let sink: SmtpSink | undefined;
  let servers: NextServer[] = [];
  let ports: number[] = [];
  const started: Started = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    sink = await startSmtpSink(0, "accept");
    const env = fastEnv(sink.url);
    ({ servers, ports } = await startServers(started, dataDir, env));

    clock.t0 = Date.now();
    let smtpBackAt = Infinity;
    let restartDone: Promise<void> = Promise.resolve();
    timers.push(
      setTimeout(() => {
        sink!.setMode("down");
        clock.note("SMTP → down");
      }, 2000),
      setTimeout(() => {
        killChild(servers[0].proc, "SIGKILL");
        clock.note("SIGKILL server 1");
        restartDone = (async () => {
          await sleep(1000);
          clock.note("restarting server 1");
          servers[0] = await startOne(started, "server 1 (restarted)", ports[0], dataDir, env);
          clock.note("server 1 answers again");
        })();
      }, 5000),
      setTimeout(() => {
        sink!.setMode("rcpt451");
        clock.note("SMTP → 451 on RCPT");
      }, 8000),
      setTimeout(() => {
        sink!.setMode("accept");
        smtpBackAt = Date.now();
        clock.note("SMTP → accept");
      }, 13000),
    );

    const subs = makeSubmissions(prefix, 0, N, "timeline");
    await submitPaced(subs, () => ports, runId, clock.t0, TIMELINE_PACE_MS);
    clock.note(`all ${N} submissions answered or given up`);
    // Let the timeline finish (SMTP back at 13 s) and server 1 come back before waiting for the drain.
    while (smtpBackAt === Infinity && Date.now() - clock.t0 < 20_000) await sleep(100);
    await restartDone;

    const drainedAt = await waitDrained(dbFile);
    clock.note(Number.isNaN(drainedAt) ? `outbox NOT drained within ${DRAIN_LIMIT_MS / 1000} s` : "outbox drained");
    // A send that was mid-flight when the last entry flipped has settled by now; then stop both servers cleanly.
    await sleep(1000);
    for (const s of servers) await s.stop("SIGTERM");

    const r = reconcile({ subs, prefix, dbFile, sink, drain: drainText(drainedAt, smtpBackAt, "SMTP returned (t=13 s)"), started, clock });
    return {
      title: `timeline: ${N} submissions (concurrency ${CONCURRENCY}, one started every ${TIMELINE_PACE_MS} ms), 2 servers on one DATA_DIR`,
      rows: r.table,
      events: clock.events,
      faults: r.faults,
      details: r.details,
    };
  } finally {
    timers.forEach(clearTimeout);
    for (const s of servers) killChild(s.proc);
    await sink?.close().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- full disk

function unmount(dir: string) {
  try {
    execFileSync("umount", [dir], { stdio: "ignore" });
  } catch {
    try {
      execFileSync("umount", ["-l", dir], { stdio: "ignore" });
    } catch {
      /* not mounted */
    }
  }
}

/** Writes a file until the file system refuses (ENOSPC); its size. */
function fillUp(file: string): number {
  const fd = fs.openSync(file, "w", 0o600);
  let bytes = 0;
  try {
    for (const size of [1 << 16, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size, 0x5a);
      try {
        for (;;) bytes += fs.writeSync(fd, chunk);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "ENOSPC") throw e;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return bytes;
}

const freeBytes = (dir: string) => {
  const s = fs.statfsSync(dir);
  return s.bavail * s.bsize;
};

const fileSizes = (dir: string) =>
  fs
    .readdirSync(dir)
    .filter((f) => f.startsWith("inquiries.db"))
    .map((f) => `${f} ${Math.round(fs.statSync(path.join(dir, f)).size / 1024)} KiB`)
    .join(", ");

async function fullDisk(runId: string): Promise<Outcome> {
  const clock = new Clock("full-disk");
  const dataDir = removeOnExit(tempDir("iop-bench-fulldisk-"));
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${FULL_DISK_SIZE},mode=0700`, "tmpfs", dataDir]);
  const forget = onExit(() => unmount(dataDir));
  const dbFile = path.join(dataDir, "inquiries.db");
  const filler = path.join(dataDir, "filler");
  const prefix = `chaos-${runId}-d-`;
  let sink: SmtpSink | undefined;
  let servers: NextServer[] = [];
  let monitor: ReturnType<typeof startMonitor> | undefined;
  const started: Started = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    sink = await startSmtpSink(0, "accept");
    const { servers: first, ports } = await startServers(started, dataDir, fastEnv(sink.url, { HEALTH_PROBE_MS: PROBE_MS }));
    servers = first;

    let phase = "before the disk is full";
    monitor = startMonitor(
      () => ports,
      () => phase,
    );
    clock.t0 = Date.now();
    let fullAt = Infinity;
    let freedAt = Infinity;
    let filled = 0;
    let filesAtFill = "";
    timers.push(
      setTimeout(() => {
        filesAtFill = fileSizes(dataDir);
        filled = fillUp(filler);
        fullAt = Date.now();
        phase = "the disk is full";
        clock.note(`filler wrote ${Math.round(filled / 1024)} KiB; ${freeBytes(dataDir)} bytes free; store files then: ${filesAtFill}`);
      }, FILL_AT_MS),
      setTimeout(() => {
        fs.rmSync(filler);
        freedAt = Date.now();
        phase = "after the filler is deleted";
        clock.note(`filler deleted; ${Math.round(freeBytes(dataDir) / 1024)} KiB free`);
      }, FREE_AT_MS),
    );

    const subs = makeSubmissions(prefix, 0, N, "full-disk");
    await submitPaced(subs, () => ports, runId, clock.t0, FULL_DISK_PACE_MS);
    clock.note(`all ${N} submissions answered or given up`);
    while (freedAt === Infinity) await sleep(100);

    const drainedAt = await waitDrained(dbFile);
    clock.note(Number.isNaN(drainedAt) ? `outbox NOT drained within ${DRAIN_LIMIT_MS / 1000} s` : "outbox drained");
    await sleep(1000);
    phase = "drained";
    await monitor.stop();
    for (const s of servers) await s.stop("SIGTERM");

    const r = reconcile({ subs, prefix, dbFile, sink, drain: drainText(drainedAt, freedAt, "the filler was deleted"), started, clock });
    // What happened while the disk was full.
    const inFault = (a: Answer) => a.at >= fullAt && a.at < freedAt;
    const faultAnswers = subs.flatMap((s) => s.answers.filter(inFault));
    const ackedInFault = subs.filter((s) => s.acknowledged && inFault(s.answers[s.answers.length - 1]));
    const byKey = new Map(r.rows.map((row) => [row.idempotency_key, row]));
    const ackedInFaultNotStored = ackedInFault.filter((s) => !byKey.has(s.key));
    const faultSends = sendsById(sink, fullAt, freedAt);
    const repeated = [...faultSends].filter(([, e]) => e.count > 1);
    const maxSends = Math.max(0, ...[...faultSends.values()].map((e) => e.count));
    const faults = [...r.faults];
    if (ackedInFaultNotStored.length) faults.push(`${ackedInFaultNotStored.length} acknowledged while the disk was full and not stored`);
    if (repeated.length) faults.push(`${repeated.length} inquiries mailed more than once while the disk was full (mail storm)`);
    const pagesInFault = monitor.tallies.get("the disk is full")?.pages ?? [];
    if (pagesInFault.some((p) => p !== "200")) faults.push(`GET / answered ${fmtCounts(counts(pagesInFault))} while the disk was full`);
    const details = [...r.details, ...repeated.map(([id, e]) => `- sent ${e.count} times while the disk was full: ${id} (${e.messageId})`)];
    return {
      title:
        `full-disk: ${N} submissions (one started every ${FULL_DISK_PACE_MS} ms, concurrency ${CONCURRENCY}), 2 servers, DATA_DIR on a ` +
        `${FULL_DISK_SIZE} tmpfs, full from t=${FILL_AT_MS / 1000} s to t=${FREE_AT_MS / 1000} s, HEALTH_PROBE_MS ${PROBE_MS}`,
      rows: [
        ...r.table,
        ["answers while the disk was full", fmtCounts(counts(faultAnswers.map((a) => a.status)))],
        ["acknowledged while full · of them not stored (must be 0)", `${ackedInFault.length} · ${ackedInFaultNotStored.length}`],
        [
          "messages at the sink while full · distinct ids · most sends of one id",
          `${[...faultSends.values()].reduce((n, e) => n + e.count, 0)} · ${faultSends.size} · ${maxSends}`,
        ],
        ["ids sent more than once while full (must be 0)", repeated.length],
        ...monitorRows(monitor.tallies),
      ],
      events: clock.events,
      faults,
      details,
    };
  } finally {
    timers.forEach(clearTimeout);
    await monitor?.stop();
    for (const s of servers) await s.stop("SIGKILL").catch(() => {});
    await sink?.close().catch(() => {});
    unmount(dataDir);
    forget();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- lost key

async function lostKey(runId: string): Promise<Outcome> {
  const clock = new Clock("lost-key");
  const dataDir = removeOnExit(tempDir("iop-bench-lostkey-"));
  const backupDir = removeOnExit(tempDir("iop-bench-keybackup-"));
  const dbFile = path.join(dataDir, "inquiries.db");
  const keyFile = path.join(dataDir, "inquiry-key");
  const backup = path.join(backupDir, "inquiry-key");
  const prefix = `chaos-${runId}-k-`;
  let sink: SmtpSink | undefined;
  let servers: NextServer[] = [];
  let monitor: ReturnType<typeof startMonitor> | undefined;
  const started: Started = [];
  try {
    sink = await startSmtpSink(0, "down");
    const env = fastEnv(sink.url, { HEALTH_PROBE_MS: PROBE_MS });
    const { servers: first, ports } = await startServers(started, dataDir, env);
    servers = first;
    let phase = "before the loss (SMTP down)";
    monitor = startMonitor(
      () => ports,
      () => phase,
    );
    clock.t0 = Date.now();
    clock.note("SMTP down; submitting");
    const before = makeSubmissions(prefix, 0, N, "before the loss");
    await submitPaced(before, () => ports, runId, clock.t0, LOST_KEY_PACE_MS);
    clock.note(`${before.filter((s) => s.acknowledged).length} of ${N} acknowledged; ${pendingOrSending(dbFile)} pending or sending`);

    phase = "restarting without the key";
    for (const s of servers) await s.stop("SIGTERM");
    clock.note("both servers stopped (SIGTERM)");
    const keyLine = fs.readFileSync(keyFile, "utf8");
    fs.renameSync(keyFile, backup);
    clock.note("key file moved out of DATA_DIR");
    servers = (await startServers(started, dataDir, env, ports)).servers;
    const pids = servers.map((s) => s.proc.pid);
    phase = "the key is missing";
    clock.note("both servers answer again (without the key)");

    // While the key is missing: inquiries keep arriving, and nobody may create a key.
    const lossStart = Date.now();
    const strayKeyFiles = new Set<string>();
    const watch = (async () => {
      while (Date.now() - lossStart < LOSS_MS) {
        for (const f of fs.readdirSync(dataDir)) if (f === "inquiry-key" || f.startsWith(".inquiry-key")) strayKeyFiles.add(f);
        await sleep(50);
      }
    })();
    const during = makeSubmissions(prefix, N, DURING_LOSS, "while the key is missing");
    await submitPaced(during, () => ports, runId, lossStart + 500, 200);
    await watch;
    const logsWithoutKey = servers.map((s) => s.output());

    fs.renameSync(backup, keyFile);
    const restoredAt = Date.now();
    phase = "after the key is restored (SMTP still down)";
    clock.note("key file restored (rename back)");
    const recoveredAfter: (number | undefined)[] = [undefined, undefined];
    while (recoveredAfter.some((r) => r === undefined) && Date.now() - restoredAt < 10_000) {
      await Promise.all(
        ports.map(async (port, k) => {
          if (recoveredAfter[k] !== undefined) return;
          try {
            const body = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as { problems?: string[] };
            if (!(body.problems ?? []).some((p) => p.startsWith("store-unavailable"))) recoveredAfter[k] = Date.now() - restoredAt;
          } catch {
            /* asked again below */
          }
        }),
      );
      await sleep(50);
    }
    clock.note(`health without store-unavailable: ${recoveredAfter.map((r, k) => `server ${k + 1} after ${r === undefined ? "> 10 s" : ms(r)}`).join(", ")}`);
    const sameProcesses = servers.every((s, k) => s.proc.pid === pids[k] && s.proc.exitCode === null && s.proc.signalCode === null);

    const after = makeSubmissions(prefix, N + DURING_LOSS, 10, "after the key is restored");
    await submitPaced(after, () => ports, runId, Date.now(), 50);
    clock.note(`${after.filter((s) => s.acknowledged).length} of ${after.length} submitted after the restore acknowledged`);

    sink.setMode("accept");
    const smtpUpAt = Date.now();
    phase = "SMTP up, draining";
    clock.note("SMTP → accept");
    const drainedAt = await waitDrained(dbFile);
    clock.note(Number.isNaN(drainedAt) ? `outbox NOT drained within ${DRAIN_LIMIT_MS / 1000} s` : "outbox drained");
    await sleep(1000);
    await monitor.stop();
    for (const s of servers) await s.stop("SIGTERM");

    const subs = [...before, ...during, ...after];
    const r = reconcile({ subs, prefix, dbFile, sink, drain: drainText(drainedAt, smtpUpAt, "SMTP accepted again"), started, clock });
    const keyNow = fs.readFileSync(keyFile, "utf8");
    const generated = logsWithoutKey.filter((o) => o.includes("inquiry-key.generated")).length;
    const namedMissing = logsWithoutKey.filter((o) => o.includes("KEY_FILE_MISSING")).length;
    const lossProblems = new Set(monitor.tallies.get("the key is missing")?.problems ?? []);
    const pagesInLoss = monitor.tallies.get("the key is missing")?.pages ?? [];
    const duringAcked = during.filter((s) => s.acknowledged).length;
    const duringStored = during.filter((s) => r.rows.some((row) => row.idempotency_key === s.key)).length;
    const beforeAcked = before.filter((s) => s.acknowledged);
    const seen = r.seen;
    const byKey = new Map(r.rows.map((row) => [row.idempotency_key, row]));
    const beforeOnce = beforeAcked.filter((s) => seen.get(byKey.get(s.key)?.id ?? "")?.count === 1).length;
    const faults = [...r.faults];
    if (strayKeyFiles.size) faults.push(`a key file appeared while the key was missing: ${[...strayKeyFiles].join(", ")}`);
    if (generated) faults.push(`${generated} server(s) logged inquiry-key.generated`);
    if (duringAcked || duringStored) faults.push(`while the key was missing: ${duringAcked} acknowledged, ${duringStored} stored`);
    if (!lossProblems.has("store-unavailable:KEY_FILE_MISSING")) faults.push("health never named store-unavailable:KEY_FILE_MISSING");
    if (pagesInLoss.some((p) => p !== "200")) faults.push(`GET / answered ${fmtCounts(counts(pagesInLoss))} while the key was missing`);
    if (recoveredAfter.some((x) => x === undefined) || !sameProcesses) faults.push("a server did not recover without a restart");
    if (keyNow !== keyLine) faults.push("the key file changed");
    return {
      title:
        `lost-key: ${N} submissions with SMTP down (one every ${LOST_KEY_PACE_MS} ms), key file moved away and both servers restarted, ` +
        `${DURING_LOSS} submissions during the ${LOSS_MS / 1000} s loss, key restored, 10 more, SMTP up; HEALTH_PROBE_MS ${PROBE_MS}`,
      rows: [
        ...r.table,
        ["acknowledged before the loss · delivered exactly once", `${beforeAcked.length} · ${beforeOnce}`],
        [
          "submitted while the key was missing: answers · acknowledged · stored",
          `${fmtCounts(counts(during.flatMap((s) => s.answers.map((a) => a.status))))} · ${duringAcked} · ${duringStored}`,
        ],
        ["key files seen in DATA_DIR while missing (must be none)", [...strayKeyFiles].join(", ") || "none"],
        ["server logs naming KEY_FILE_MISSING · logging inquiry-key.generated", `${namedMissing} of 2 · ${generated}`],
        [
          "recovered after the key was restored (health without store-unavailable)",
          recoveredAfter.map((x, k) => `server ${k + 1}: ${x === undefined ? "no" : ms(x)}`).join(", ") + (sameProcesses ? ", same processes" : ", RESTARTED"),
        ],
        ["submitted after the restore: acknowledged", `${after.filter((s) => s.acknowledged).length} of ${after.length}`],
        ["key file after the run", keyNow === keyLine ? "the original line" : "CHANGED"],
        ...monitorRows(monitor.tallies),
      ],
      events: clock.events,
      faults,
      details: r.details,
    };
  } finally {
    await monitor?.stop();
    for (const s of servers) killChild(s.proc);
    await sink?.close().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(backupDir, { recursive: true, force: true });
  }
}

// ----------------------------------------------------------------

run(async () => {
  const chosen = scenariosFromArgs();
  await ensureBuild();
  const runId = crypto.randomBytes(4).toString("hex");
  const all = { timeline, "full-disk": fullDisk, "lost-key": lostKey } satisfies Record<Scenario, (runId: string) => Promise<Outcome>>;
  let failed = false;
  for (const name of chosen) {
    const { load } = await waitForQuiet(`chaos ${name}`);
    const loadAtStart = fmtLoad();
    const o = await all[name](runId);
    console.log(`\n### Chaos ${o.title}; load 1/5/15 at start ${loadAtStart}\n`);
    console.log(table(["measure", "value"], o.rows));
    console.log(`\nTimeline:\n${o.events.map((e) => `- ${e}`).join("\n")}`);
    if (load >= 1.0) console.log(`\n(load average was ${load.toFixed(2)} at the start)`);
    if (o.details.length) console.log(`\n${o.details.join("\n")}`);
    if (o.faults.length) {
      failed = true;
      console.log(`\nFAULTS (${name}):\n${o.faults.map((f) => `- ${f}`).join("\n")}`);
    } else console.log(`\n${name}: no fault found.`);
  }
  if (failed) process.exitCode = 1;
});
