// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { InquiryStore, StoreCounts } from "./store/contract";

/** An entry waiting longer than this means delivery is stuck, whatever the reason. */
const STUCK_AFTER_MS = 15 * 60_000;

/**
 * What is wrong, as stable codes with an optional engine or system error code: never an inquiry's content, a
 * path with a person's data, or a credential. The same list feeds /api/health and `npm run inquiries -- check`.
 */
export interface HealthReport {
  ok: boolean;
  problems: string[];
  counts?: StoreCounts;
  transport: string;
  checkedAt: number;
}

export interface HealthInputs {
  /** The store, or the code of why it is not open. */
  store: InquiryStore | { unavailable: string };
  /** The folder this process writes to (the SQLite store, staff mail as files), or null when it writes none there. */
  dataDir: string | null;
  /** Where staff mail goes (no credentials). */
  transport: string;
  now: number;
}

const codeOf = (err: unknown) => String((err as { code?: unknown }).code ?? "UNKNOWN");

/** Writes, syncs and removes a small file: a full, read-only or vanished data folder fails here first. */
function probeDataDir(dataDir: string): string | undefined {
  const file = path.join(dataDir, `.health-probe-${process.pid}-${crypto.randomBytes(4).toString("hex")}`);
  try {
    const fd = fs.openSync(file, "wx", 0o600);
    try {
      fs.writeSync(fd, "probe\n");
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.rmSync(file, { force: true });
    return undefined;
  } catch (err) {
    fs.rmSync(file, { force: true });
    return codeOf(err);
  }
}

/**
 * The data folder a process depends on: always with SQLite; with PostgreSQL only while staff mail is written as files
 * (an instance on a platform without a lasting disk has none, and that is no fault).
 */
export function dataDirInUse(env: { DATABASE_URL?: string; mailTransport: string; dataDir: string }): string | null {
  return env.DATABASE_URL && env.mailTransport !== "file" ? null : env.dataDir;
}

/** The checks that write (a probe file) or lock: run in the background and by the operator, never on a public request. */
async function probeStorage(inputs: Omit<HealthInputs, "now" | "transport">): Promise<string[]> {
  const problems: string[] = [];
  const dirProblem = inputs.dataDir === null ? undefined : probeDataDir(inputs.dataDir);
  if (dirProblem) problems.push(`data-dir-unwritable:${dirProblem}`);
  if ("unavailable" in inputs.store) problems.push(`store-unavailable:${inputs.store.unavailable}`);
  else {
    try {
      await inputs.store.probe();
    } catch (err) {
      problems.push(`store-probe-failed:${codeOf(err)}`);
    }
  }
  return problems;
}

/** The checks that only read: cheap enough for every health request. */
export async function deliveryProblems(store: HealthInputs["store"], now: number): Promise<{ problems: string[]; counts?: StoreCounts }> {
  if ("unavailable" in store) return { problems: [] };
  try {
    const counts = await store.counts(now);
    const problems: string[] = [];
    if (counts.dead > 0) problems.push(`dead-entries:${counts.dead}`);
    if (counts.unreadable > 0) problems.push(`unreadable-entries:${counts.unreadable}`);
    if (counts.oldestPendingAgeMs >= STUCK_AFTER_MS) problems.push(`delivery-stuck:${Math.round(counts.oldestPendingAgeMs / 60_000)}min`);
    return { problems, counts };
  } catch (err) {
    return { problems: [`store-unreadable:${codeOf(err)}`] };
  }
}

/** Every check at once (the operator's `check`). */
export async function checkHealth(inputs: HealthInputs): Promise<HealthReport> {
  const storage = await probeStorage(inputs);
  const delivery = await deliveryProblems(inputs.store, inputs.now);
  const problems = [...storage, ...delivery.problems];
  return { ok: problems.length === 0, problems, counts: delivery.counts, transport: inputs.transport, checkedAt: inputs.now };
}

/** Runs probeStorage in the background every `intervalMs`; health requests read its last result. */
export function startStorageMonitor(
  inputs: () => Omit<HealthInputs, "now" | "transport">,
  intervalMs: number,
  onChange: (problems: string[]) => void,
  /** Runs before each probe (the server tries to open a store that has not opened yet). */
  beforeProbe: () => Promise<void> = async () => {},
) {
  let latest: string[] | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async () => {
    await beforeProbe();
    const problems = await probeStorage(inputs());
    if (latest === undefined || problems.join() !== latest.join()) onChange(problems);
    latest = problems;
    if (!stopped) timer = setTimeout(() => void run(), intervalMs).unref();
  };
  const first = run();
  return {
    ready: first,
    latest: () => latest ?? ["not-checked-yet"],
    /** Checks again now (after the store reopened, for instance). */
    refresh: async () => {
      clearTimeout(timer);
      await run();
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/**
 * GET /api/health. The public answer is the status alone (200 ok, 503 attention), enough for a monitor; the
 * problems, counts and mail transport only for a caller on this machine or one with the health token.
 */
export function healthResponse(report: HealthReport | undefined, detailed: boolean): Response {
  const ok = report?.ok ?? false;
  const status = ok ? "ok" : "attention";
  const body = !detailed
    ? { status }
    : report
      ? { status, ...report.counts, problems: report.problems, transport: report.transport, checkedAt: new Date(report.checkedAt).toISOString() }
      : { status, problems: ["not-checked-yet"] };
  return Response.json(body, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}

/** Compares a presented token with the configured one in constant time. */
export function tokenMatches(presented: string | null, expected: string | undefined): boolean {
  if (!expected || !presented) return false;
  const a = crypto.createHash("sha256").update(presented).digest();
  const b = crypto.createHash("sha256").update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}
