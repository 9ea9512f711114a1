import path from "node:path";
import { env } from "@/lib/env";
import { createMailer } from "./mail";
import type { InquiryStore } from "./store/contract";
import { openInquiryStore } from "./store/open";
import { startWorker, type Worker } from "./delivery";

/**
 * One store and one worker per server process. Next may load this module from more than one bundle (the route
 * and instrumentation), so the instances live on globalThis rather than in module scope.
 */
interface Runtime {
  store: Promise<InquiryStore>;
  worker?: Worker;
}
const KEY = Symbol.for("iop.inquiries.runtime");
type G = typeof globalThis & { [KEY]?: Runtime };

export function inquiryStore(): Promise<InquiryStore> {
  const g = globalThis as G;
  if (!g[KEY]) {
    const e = env();
    const store = openInquiryStore({ dataDir: e.dataDir, inquiryKeys: e.INQUIRY_KEYS });
    g[KEY] = { store };
    // A failed open (e.g. a store newer than this code) is not remembered: the next request tries again.
    store.catch(() => {
      if (g[KEY]?.store === store) delete g[KEY];
    });
  }
  return g[KEY].store;
}

/** Starts delivery in this process (idempotent). Called from instrumentation.ts in the Node.js runtime. */
export async function startDelivery(): Promise<Worker | undefined> {
  const e = env();
  const store = await inquiryStore();
  const g = globalThis as G;
  if (!e.DELIVERY_WORKER || g[KEY]!.worker) return g[KEY]!.worker;
  const mailer = createMailer(e);
  const worker = startWorker(
    store,
    mailer,
    { from: e.MAIL_FROM, to: e.MAIL_TO, leaseMs: e.DELIVERY_LEASE_MS, retryBaseMs: e.RETRY_BASE_MS, retryMaxMs: e.RETRY_MAX_MS, giveUpMs: e.RETRY_GIVE_UP_MS },
    e.DELIVERY_POLL_MS,
  );
  g[KEY]!.worker = worker;
  console.log(`Inquiries are stored in ${path.join(e.dataDir, "inquiries.db")}; staff mail goes to ${mailer.describe}.`);
  const shutdown = () => {
    void worker.stop().finally(() => {
      mailer.close();
      void store.close().finally(() => process.exit(0));
    });
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
  return worker;
}

/** Tells this process's worker that new work is waiting. */
export function kickDelivery() {
  (globalThis as G)[KEY]?.worker?.kick();
}
