import path from "node:path";
import { env } from "@/lib/env";
import { loadOrCreateKeyring } from "./crypto";
import { createMailer } from "./mail";
import { InquiryStore, openDatabase } from "./store";
import { startWorker, type Worker } from "./delivery";

/**
 * One store and one worker per server process. Next may load this module from more than one bundle (the route
 * and instrumentation), so the instances live on globalThis rather than in module scope.
 */
interface Runtime {
  store: InquiryStore;
  worker?: Worker;
}
const KEY = Symbol.for("iop.inquiries.runtime");
type G = typeof globalThis & { [KEY]?: Runtime };

export function inquiryStore(): InquiryStore {
  const g = globalThis as G;
  if (!g[KEY]) {
    const e = env();
    const keyring = loadOrCreateKeyring(e.INQUIRY_KEYS, e.dataDir);
    g[KEY] = { store: new InquiryStore(openDatabase(path.join(e.dataDir, "inquiries.db")), keyring) };
  }
  return g[KEY].store;
}

/** Starts delivery in this process (idempotent). Called from instrumentation.ts in the Node.js runtime. */
export function startDelivery(): Worker | undefined {
  const e = env();
  const store = inquiryStore();
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
      store.close();
      process.exit(0);
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
