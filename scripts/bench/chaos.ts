// "Never lose an inquiry": two `next start` processes on one DATA_DIR (one SITE_ORIGIN, as behind one proxy), one
// SMTP sink, fast backoff, and faults on a timeline while 200 inquiries arrive:
//   t=2 s SMTP down (421 on connect) · t=5 s SIGKILL server 1, restarted 1 s later on the same port and DATA_DIR ·
//   t=8 s SMTP answers 451 to RCPT for 5 s · t=13 s SMTP accepts again.
// Then it waits (at most 90 s) until no outbox entry is pending or sending, and reconciles client, database and sink.
// Usage: npm run bench:chaos   (builds if stale; servers on 4520 and 4521, SMTP sink on 4522)
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { startNext, sampleInquiry, tempDir, type NextServer } from "../../tests/helpers/next-server";
import { startSmtpSink, type SmtpSink } from "../../tests/helpers/smtp-sink";
import { ensureBuild, fmtLoad, killChild, removeOnExit, run, sleep, table, track, waitForQuiet } from "./lib";

const PORTS = [4520, 4521] as const;
const SINK_PORT = 4522;
const ORIGIN = "https://iop.example.org";
const N = Number(process.env.BENCH_CHAOS_N ?? 200);
const CONCURRENCY = 20;
/** Submissions start one every PACE_MS, so they span the fault timeline instead of finishing in the first second. */
const PACE_MS = 65;
const RETRIES = 3;
const REQUEST_TIMEOUT_MS = 10_000;
const DRAIN_LIMIT_MS = 90_000;

const fastEnv = (sinkUrl: string): Record<string, string> => ({
  SITE_ORIGIN: ORIGIN,
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
});

interface Submission {
  i: number;
  key: string;
  attempts: number;
  status: number | "network-error" | "timeout";
  acknowledged: boolean;
  errors: string[];
}

const ms = (n: number) => `${(n / 1000).toFixed(1)} s`;

run(async () => {
  await ensureBuild();
  const { load } = await waitForQuiet("chaos");
  const loadAtStart = fmtLoad();
  const dataDir = removeOnExit(tempDir("iop-bench-chaos-"));
  const dbFile = path.join(dataDir, "inquiries.db");
  const runId = crypto.randomBytes(4).toString("hex");
  let sink: SmtpSink | undefined;
  const servers: (NextServer | undefined)[] = [undefined, undefined];
  const events: string[] = [];
  let t0 = 0;
  const note = (what: string) => {
    const line = `t=${((performance.now() - t0) / 1000).toFixed(2)} s ${what}`;
    events.push(line);
    console.error(`[chaos] ${line}`);
  };
  try {
    sink = await startSmtpSink(SINK_PORT, "accept");
    const env = fastEnv(sink.url);
    // One after the other: the first start creates the database and the data folder's key file.
    for (const [k, port] of PORTS.entries()) {
      servers[k] = await startNext({ port, dataDir, env });
      track(servers[k]!.proc);
    }

    // ---- the fault timeline
    t0 = performance.now();
    let smtpBackAt = Infinity;
    let restartDone: Promise<void> = Promise.resolve();
    const timers = [
      setTimeout(() => {
        sink!.setMode("down");
        note("SMTP → down");
      }, 2000),
      setTimeout(() => {
        killChild(servers[0]!.proc, "SIGKILL");
        note("SIGKILL server 1");
        restartDone = (async () => {
          await sleep(1000);
          note("restarting server 1");
          servers[0] = await startNext({ port: PORTS[0], dataDir, env });
          track(servers[0].proc);
          note("server 1 answers again");
        })();
      }, 5000),
      setTimeout(() => {
        sink!.setMode("rcpt451");
        note("SMTP → 451 on RCPT");
      }, 8000),
      setTimeout(() => {
        sink!.setMode("accept");
        smtpBackAt = performance.now();
        note("SMTP → accept");
      }, 13000),
    ];

    // ---- the clients
    const subs: Submission[] = Array.from({ length: N }, (_, i) => ({
      i,
      key: `chaos-${runId}-${String(i).padStart(4, "0")}-${crypto.randomBytes(6).toString("base64url")}`,
      attempts: 0,
      status: "network-error" as const,
      acknowledged: false,
      errors: [],
    }));
    const submit = async (s: Submission) => {
      for (let attempt = 0; attempt <= RETRIES; attempt++) {
        // Alternate servers; a retry goes to the other one, as a load balancer would send it.
        const port = PORTS[(s.i + attempt) % 2];
        s.attempts++;
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
          if (res.status < 500) {
            s.acknowledged = res.status >= 200 && res.status < 300;
            return;
          }
          s.errors.push(String(res.status));
        } catch (e) {
          s.status = (e as Error).name === "TimeoutError" ? "timeout" : "network-error";
          s.errors.push(s.status);
        }
        await sleep(300 * (attempt + 1));
      }
    };
    let nextIndex = 0;
    const worker = async () => {
      while (nextIndex < N) {
        const s = subs[nextIndex++];
        const due = t0 + s.i * PACE_MS;
        if (performance.now() < due) await sleep(due - performance.now());
        await submit(s);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    note(`all ${N} submissions answered or given up`);
    // Let the timeline finish (SMTP back at 13 s) and server 1 come back before waiting for the drain.
    while (smtpBackAt === Infinity && performance.now() - t0 < 20_000) await sleep(100);
    await restartDone;

    // ---- wait for the outbox to drain
    const open = () => {
      const db = new Database(dbFile, { readonly: true, fileMustExist: true });
      try {
        db.pragma("busy_timeout = 5000");
        return (db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE state IN ('pending', 'sending')").get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    let drainedAt = NaN;
    const drainDeadline = smtpBackAt + DRAIN_LIMIT_MS;
    while (performance.now() < drainDeadline) {
      if (open() === 0) {
        drainedAt = performance.now();
        break;
      }
      await sleep(200);
    }
    note(Number.isNaN(drainedAt) ? `outbox NOT drained within ${DRAIN_LIMIT_MS / 1000} s` : "outbox drained");
    timers.forEach(clearTimeout);
    // A send that was mid-flight when the last entry flipped has settled by now; then stop both servers cleanly.
    await sleep(1000);
    for (const s of servers) if (s) await s.stop("SIGTERM");

    // ---- reconcile
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    let rows: { id: string; idempotency_key: string | null; status: string; state: string | null; attempts: number | null }[];
    let integrity: string;
    let fkProblems: number;
    try {
      rows = db
        .prepare("SELECT i.id, i.idempotency_key, i.status, o.state, o.attempts FROM inquiries i LEFT JOIN outbox o ON o.inquiry_id = i.id")
        .all() as typeof rows;
      integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
      fkProblems = (db.pragma("foreign_key_check") as unknown[]).length;
    } finally {
      db.close();
    }
    const byKey = new Map(rows.map((r) => [r.idempotency_key, r]));
    const ids = new Set(rows.map((r) => r.id));
    const seen = new Map<string, number>();
    for (const m of sink.messages) {
      const id = /<(inq_[^@>]+)@/.exec(m.parsed.messageId ?? "")?.[1] ?? `?${m.parsed.messageId}`;
      seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    const acked = subs.filter((s) => s.acknowledged);
    const ackedMissing = acked.filter((s) => !byKey.has(s.key));
    const ours = rows.filter((r) => r.idempotency_key?.startsWith(`chaos-${runId}-`));
    const storedNotAcked = subs.filter((s) => !s.acknowledged && byKey.has(s.key)).length;
    const sent = ours.filter((r) => r.state === "sent");
    const dead = ours.filter((r) => r.state === "dead");
    const stuck = ours.filter((r) => r.status === "accepted" && r.state !== "sent" && r.state !== "dead");
    const sentNotReceived = sent.filter((r) => !seen.has(r.id));
    const receivedUnknown = [...seen.keys()].filter((id) => !ids.has(id));
    const duplicates = [...seen.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
    const lost = ackedMissing.length + stuck.length + sentNotReceived.length;
    const statuses = new Map<string, number>();
    for (const s of subs) statuses.set(String(s.status), (statuses.get(String(s.status)) ?? 0) + 1);
    const retried = subs.filter((s) => s.attempts > 1).length;
    const maxAttempts = Math.max(0, ...ours.map((r) => r.attempts ?? 0));

    console.log(
      `\nChaos run: ${N} submissions (concurrency ${CONCURRENCY}, one started every ${PACE_MS} ms), 2 servers on one DATA_DIR, load 1/5/15 at start ${loadAtStart}\n`,
    );
    console.log(
      table(
        ["measure", "value"],
        [
          ["submissions", N],
          ["acknowledged (2xx)", acked.length],
          ["final client statuses", [...statuses].map(([k, v]) => `${k}×${v}`).join(", ")],
          ["submissions that needed a retry", retried],
          ["stored rows (distinct ids)", `${ours.length} (${new Set(ours.map((r) => r.id)).size} distinct)`],
          ["stored but never acknowledged to the client", storedNotAcked],
          ["delivered (unique Message-IDs at the sink)", seen.size - receivedUnknown.length],
          ["duplicate deliveries (same Message-ID again)", duplicates],
          ["dead", dead.length],
          ["most delivery attempts for one entry", maxAttempts],
          ["lost: acknowledged but not in the database", ackedMissing.length],
          ["lost: stored, not delivered, not dead", stuck.length],
          ["lost: marked sent but never reached the sink", sentNotReceived.length],
          ["**lost (must be 0)**", `**${lost}**`],
          ["mail at the sink for unknown ids", receivedUnknown.length],
          ["time to drain after SMTP returned (t=13 s)", Number.isNaN(drainedAt) ? `> ${DRAIN_LIMIT_MS / 1000} s (not drained)` : ms(drainedAt - smtpBackAt)],
          ["PRAGMA integrity_check", integrity],
          ["PRAGMA foreign_key_check problems", fkProblems],
        ],
      ),
    );
    console.log(`\nTimeline:\n${events.map((e) => `- ${e}`).join("\n")}`);
    if (load >= 1.0) console.log(`\n(load average was ${load.toFixed(2)} at the start)`);
    if (lost > 0) {
      console.log("\nLOST inquiries:");
      for (const s of ackedMissing) console.log(`- acknowledged, not stored: key ${s.key} (errors: ${s.errors.join(", ")})`);
      for (const r of stuck) console.log(`- ${r.id}: state ${r.state}, attempts ${r.attempts}`);
      for (const r of sentNotReceived) console.log(`- ${r.id}: marked sent, not at the sink`);
      process.exitCode = 1;
    }
  } finally {
    for (const s of servers) if (s) killChild(s.proc);
    await sink?.close().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
