// POST /api/inquiries under load: latency (p50/p90/p99) and requests per second at concurrency 50 on loopback,
// against the server entry with (a) the SMTP sink accepting mail and (b) the sink hanging after DATA (delivery stalls),
// on each store: SQLite in DATA_DIR, and PostgreSQL (DATABASE_URL; a throwaway server from tests/helpers/postgres.ts,
// a new database per row). Delivery is off the request path, so (a) and (b) should match on each store.
// Usage: npm run bench:inquiries   (builds if stale; the server entry on 4510, SMTP sink on 4511)
// Env: BENCH_REQUESTS (2000), BENCH_CONCURRENCY (50), BENCH_ROUNDS (2: a, b, b, a … so drift cancels),
//      BENCH_STORES (sqlite,postgres).
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { startNext, sampleInquiry, tempDir, type NextServer } from "../../tests/helpers/next-server";
import { startPostgres, type TestPostgres } from "../../tests/helpers/postgres";
import { ensureBuild, fmtLoad, killChild, median, removeOnExit, percentile, root, run, table, track, waitForQuiet } from "./lib";

const SERVER_PORT = 4510;
const SINK_PORT = 4511;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WARMUP = 200;
const RUN_DEADLINE_MS = 180_000;
const REQUEST_TIMEOUT_MS = 15_000;

type Mode = "accept" | "hang";
type Store = "sqlite" | "postgres";
const STORES = (process.env.BENCH_STORES ?? "sqlite,postgres").split(",") as Store[];
let postgres: TestPostgres | undefined;

interface Sink {
  proc: ChildProcess;
  count: () => Promise<number>;
}

async function startSink(mode: Mode): Promise<Sink> {
  const proc = track(
    fork(path.join(__dirname, "sink-process.ts"), [String(SINK_PORT), mode], {
      cwd: root,
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("SMTP sink did not start within 20 s")), 20_000);
    proc.once("exit", (code) => reject(new Error(`SMTP sink exited (${code})`)));
    proc.on("message", (m: { ready?: boolean }) => {
      if (m.ready) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const count = () =>
    new Promise<number>((resolve) => {
      const timer = setTimeout(() => resolve(NaN), 5000);
      const on = (m: { count?: number }) => {
        if (typeof m.count === "number") {
          clearTimeout(timer);
          proc.off("message", on);
          resolve(m.count);
        }
      };
      proc.on("message", on);
      proc.send({ count: true });
    });
  return { proc, count };
}

/** utime + stime of a process in seconds (Linux /proc), to show how much work the server did. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

/** Sends `total` POSTs with `concurrency` workers; every body has a unique name so none is a duplicate. */
async function load(server: NextServer, total: number, concurrency: number, tag: string) {
  const latencies: number[] = [];
  const statuses = new Map<string, number>();
  let next = 0;
  const deadline = Date.now() + RUN_DEADLINE_MS;
  const worker = async () => {
    while (next < total && Date.now() < deadline) {
      const i = next++;
      const body = JSON.stringify(sampleInquiry({ name: `Bench ${tag} ${i}`, message: `Load test inquiry ${tag} number ${i}.` }));
      const t0 = performance.now();
      let status: string;
      try {
        const res = await fetch(`${server.url}/api/inquiries`, {
          method: "POST",
          headers: { origin: server.url, "sec-fetch-site": "same-origin", "content-type": "application/json" },
          body,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        await res.arrayBuffer();
        status = String(res.status);
      } catch (e) {
        status = (e as Error).name === "TimeoutError" ? "timeout" : "network-error";
      }
      latencies.push(performance.now() - t0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { latencies, statuses, seconds, sent: latencies.length };
}

interface Row {
  store: Store;
  mode: Mode;
  round: number;
  load: string;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  rps: number;
  ok: number;
  other: string;
  delivered: number;
  serverCpu: number;
}

async function measure(store: Store, mode: Mode, round: number): Promise<Row> {
  const { load: startLoad } = await waitForQuiet(`inquiries ${store} ${mode} #${round}`);
  const loadAtStart = fmtLoad();
  const sink = await startSink(mode);
  let server: NextServer | undefined;
  try {
    server = await startNext({
      port: SERVER_PORT,
      dataDir: removeOnExit(tempDir("iop-bench-inq-")),
      env: {
        SMTP_URL: `smtp://127.0.0.1:${SINK_PORT}`,
        SMTP_REQUIRE_TLS: "false",
        RATE_LIMIT_MAX: "1000000",
        // hang: the worker waits on the first message for this long, so delivery stalls for the whole run.
        SMTP_SOCKET_TIMEOUT_MS: mode === "hang" ? "600000" : "30000",
        DELIVERY_LEASE_MS: "900000",
        ...(store === "postgres"
          ? { DATABASE_URL: (await postgres!.createDatabase()).url, INQUIRY_KEYS: `bench:${crypto.randomBytes(32).toString("base64")}` }
          : {}),
      },
    });
    track(server.proc);
    await load(server, WARMUP, CONCURRENCY, `warm-${mode}-${round}`);
    const cpu0 = cpuSeconds(server.proc.pid);
    const r = await load(server, REQUESTS, CONCURRENCY, `${mode}-${round}`);
    const serverCpu = cpuSeconds(server.proc.pid) - cpu0;
    const delivered = await sink.count();
    const ok = (r.statuses.get("201") ?? 0) + (r.statuses.get("200") ?? 0);
    const other =
      [...r.statuses]
        .filter(([s]) => s !== "201" && s !== "200")
        .map(([s, n]) => `${s}×${n}`)
        .join(", ") || "none";
    console.error(`[bench] ${store} ${mode} #${round}: ${r.sent} requests in ${r.seconds.toFixed(2)} s (load at start ${startLoad.toFixed(2)})`);
    return {
      store,
      mode,
      round,
      load: loadAtStart,
      p50: percentile(r.latencies, 50),
      p90: percentile(r.latencies, 90),
      p99: percentile(r.latencies, 99),
      max: r.latencies[r.latencies.length - 1],
      rps: r.sent / r.seconds,
      ok,
      other,
      delivered,
      serverCpu,
    };
  } finally {
    if (server) {
      killChild(server.proc);
      fs.rmSync(server.dataDir, { recursive: true, force: true });
    }
    killChild(sink.proc);
  }
}

run(async () => {
  await ensureBuild();
  if (STORES.includes("postgres")) postgres = await startPostgres();
  const rows: Row[] = [];
  try {
    // a b b a a b …, and the stores alternating likewise: each gets the same share of early and late slots.
    for (let round = 1; round <= ROUNDS; round++) {
      const order: Mode[] = round % 2 === 1 ? ["accept", "hang"] : ["hang", "accept"];
      const stores = round % 2 === 1 ? STORES : [...STORES].reverse();
      for (const store of stores) for (const mode of order) rows.push(await measure(store, mode, round));
    }
  } finally {
    await postgres?.destroy();
  }
  const ms = (n: number) => n.toFixed(1);
  console.log(`\nPOST /api/inquiries, ${REQUESTS} valid JSON inquiries per row (after ${WARMUP} warm-up), concurrency ${CONCURRENCY}, loopback\n`);
  console.log(
    table(
      [
        "store",
        "SMTP sink",
        "round",
        "load 1/5/15 at start",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms",
        "req/s",
        "2xx",
        "other",
        "mails delivered during run",
        "server CPU s",
      ],
      rows.map((r) => [
        r.store,
        r.mode === "accept" ? "(a) accept" : "(b) hang",
        r.round,
        r.load,
        ms(r.p50),
        ms(r.p90),
        ms(r.p99),
        ms(r.max),
        r.rps.toFixed(0),
        r.ok,
        r.other,
        r.delivered,
        r.serverCpu.toFixed(1),
      ]),
    ),
  );
  const of = (store: Store, mode: Mode, k: "p50" | "p99" | "rps") => median(rows.filter((r) => r.store === store && r.mode === mode).map((r) => r[k]));
  const within = (x: number) => x >= 0.8 && x <= 1.25;
  console.log(`\nMedian over rounds, per store, and (b) hang ÷ (a) accept:\n`);
  console.log(
    table(
      ["store", "metric", "(a) accept", "(b) hang", "ratio b/a"],
      STORES.flatMap((store) =>
        (["p50", "p99", "rps"] as const).map((k) => {
          const fmt = (n: number) => (k === "rps" ? n.toFixed(0) : ms(n));
          return [
            store,
            k === "rps" ? "req/s" : `${k} ms`,
            fmt(of(store, "accept", k)),
            fmt(of(store, "hang", k)),
            (of(store, "hang", k) / of(store, "accept", k)).toFixed(2),
          ];
        }),
      ),
    ),
  );
  for (const store of STORES) {
    const match = within(of(store, "hang", "p50") / of(store, "accept", "p50")) && within(of(store, "hang", "rps") / of(store, "accept", "rps"));
    console.log(`${store}: match (p50 and req/s within 0.80–1.25×): ${match ? "yes" : "NO"}`);
  }
  if (STORES.length === 2) {
    const [x, y] = STORES;
    console.log(
      `\n${y} ÷ ${x} with SMTP accepting: p50 ${(of(y, "accept", "p50") / of(x, "accept", "p50")).toFixed(2)}×, p99 ${(of(y, "accept", "p99") / of(x, "accept", "p99")).toFixed(2)}×, req/s ${(of(y, "accept", "rps") / of(x, "accept", "rps")).toFixed(2)}×`,
    );
  }
  const failed = rows.some((r) => r.ok !== REQUESTS);
  if (failed) console.log("Some requests did not get a 2xx: see the 'other' column.");
});
