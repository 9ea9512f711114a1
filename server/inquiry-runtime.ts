// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import type { Env } from "@/lib/env";
import { log } from "@/lib/log";
import { createMailer } from "@/lib/inquiries/mail";
import { KeyFileMissingError } from "@/lib/inquiries/crypto";
import { SchemaTooNewError } from "@/lib/inquiries/store/migrations";
import { deliverBatch, deliveryConfig, startWorker, type BatchResult, type Worker } from "@/lib/inquiries/delivery";
import { deliveryProblems, healthResponse, startStorageMonitor } from "@/lib/inquiries/health";
import type { InquiryStore } from "@/lib/inquiries/store/contract";
import { SharedStoreKeysMissingError, StoreMissingError, openInquiryStore, storeOptions } from "@/lib/inquiries/store/open";
import { SynchronousCommitOffError } from "@/lib/inquiries/store/postgres";
import { unavailableStore } from "@/lib/inquiries/store/availability";
import { launchFindings } from "@/lib/launch/check";

/**
 * The inquiry flow's moving parts in one server process: the store, the delivery worker and the storage
 * monitor. A store that cannot be opened (a locked, full, read-only or damaged file, a missing key) does not stop
 * the site: pages keep being served, the inquiry route answers 503 with the phone number, health names the
 * cause, and opening is tried again at every probe until it works.
 *
 * role "web" (server/site-server.ts) runs the delivery worker only with DELIVERY=in-process; role "worker"
 * (server/worker.ts, `npm run worker`) always runs it, and serves nothing.
 */
export async function startInquiryRuntime(env: Env, { role = "web" }: { role?: "web" | "worker" } = {}) {
  const mailer = createMailer(env);
  let store: InquiryStore | undefined;
  let openFailure = "NOT_OPENED";
  let worker: Worker | undefined;

  // Mail that would reach nobody on a public origin: the site serves, but takes no inquiry until it is fixed.
  const mailFaults = env.mailFaults.map((f) => `mail-config:${f.variable}`);
  for (const f of env.mailFaults) log("config.fault", { reason: f.variable, detail: f.message }, "error");

  // A fictional phone number or an unreviewed article must never go live unnoticed: on a public origin each
  // remaining placeholder is an error at start-up, and health stays "attention" until none is left.
  const placeholders = env.publicOrigin && role === "web" ? launchFindings(new Date()) : [];
  for (const f of placeholders) log("launch.placeholder", { reason: f.where, detail: f.what }, "error");
  const launchProblems = placeholders.length ? [`launch-placeholders:${placeholders.length}`] : [];

  const runsWorker = role === "worker" || (env.DELIVERY === "in-process" && env.DELIVERY_WORKER);
  const tryOpen = async () => {
    if (store) return;
    try {
      store = await openInquiryStore({ ...storeOptions(env), waitMs: env.STORE_WAIT_MS });
      if (openFailure !== "NOT_OPENED") log("store.opened", { reason: "recovered" });
      worker = runsWorker && mailFaults.length === 0 ? startWorker(store, mailer, deliveryConfig(env), env.DELIVERY_POLL_MS) : undefined;
      if (worker && role === "worker") log("worker.started", { reason: "standalone" });
    } catch (err) {
      const code = String((err as { code?: unknown }).code ?? (err as Error).name ?? "UNKNOWN");
      // These say what to do (which file, which key ids, which versions) and hold no inquiry data.
      const explained =
        err instanceof KeyFileMissingError ||
        err instanceof SchemaTooNewError ||
        err instanceof StoreMissingError ||
        err instanceof SharedStoreKeysMissingError ||
        err instanceof SynchronousCommitOffError;
      if (code !== openFailure) log("store.open-failed", { code, detail: explained ? (err as Error).message : undefined }, "error");
      openFailure = code;
    }
  };
  const storeOrReason = () => store ?? { unavailable: openFailure };
  const monitor = startStorageMonitor(
    () => ({ store: storeOrReason(), dataDir: env.dataDir }),
    env.HEALTH_PROBE_MS,
    (problems) => {
      // Once per change, not once per probe: a fault is loud without flooding the log.
      if (problems.length) for (const problem of problems) log("health.problem", { code: problem }, "error");
      else log("health.ok");
    },
    tryOpen,
  );
  await monitor.ready;

  return {
    describeMail: mailer.describe,
    /** The store for a request: the real one, or one whose every call answers "unavailable". */
    store: (): InquiryStore => (mailFaults.length > 0 ? unavailableStore("MAIL_CONFIG") : (store ?? unavailableStore(openFailure))),
    kickDelivery: () => worker?.kick(),
    /**
     * One bounded round of delivery for POST /api/deliver: undefined when this process cannot deliver now (the
     * store is unavailable, or mail would reach nobody), else the counts.
     */
    async deliverBatch(max: number, deadlineMs: number): Promise<BatchResult | undefined> {
      if (!store || mailFaults.length > 0) return undefined;
      return deliverBatch(store, mailer, deliveryConfig(env), { max, deadline: Date.now() + deadlineMs });
    },
    async health(detailed: boolean): Promise<Response> {
      const delivery = await deliveryProblems(storeOrReason(), Date.now());
      const problems = [...mailFaults, ...launchProblems, ...monitor.latest(), ...delivery.problems];
      return healthResponse({ ok: problems.length === 0, problems, counts: delivery.counts, transport: mailer.describe, checkedAt: Date.now() }, detailed);
    },
    /** Stops delivery (releasing a send that outlasts `graceMs`), then closes the mailer and the store. */
    async stop(graceMs: number): Promise<boolean> {
      monitor.stop();
      const finished = worker ? await worker.stop(graceMs) : true;
      mailer.close();
      await store?.close();
      return finished;
    },
  };
}
export type InquiryRuntime = Awaited<ReturnType<typeof startInquiryRuntime>>;
