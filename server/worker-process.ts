// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import { env as loadEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { describePostgres } from "@/lib/inquiries/store/postgres";
import { startInquiryRuntime } from "./inquiry-runtime";

/**
 * The worker process's start and stop, in one place as the web server's are (server/site-server.ts). A store that
 * cannot be opened yet is tried again at every probe (HEALTH_PROBE_MS), as in a web process; mail settings that would
 * reach nobody stop it with exit 1, since a worker that cannot deliver has no other use.
 */
export async function startWorkerProcess() {
  const env = loadEnv();
  if (env.mailFaults.length > 0) {
    for (const f of env.mailFaults) console.error(`worker: ${f.message}`);
    process.exit(1);
  }
  const runtime = await startInquiryRuntime(env, { role: "worker" });
  // Where, never how to log in: DATABASE_URL holds the password.
  const storeAt = env.DATABASE_URL ? describePostgres(env.DATABASE_URL) : env.dataDir;
  console.log(`Delivery worker running on the store in ${storeAt}; staff mail goes to ${runtime.describeMail}.`);

  // The worker's and the probe's timers are unref'd (in a web process the HTTP server keeps it running): this one
  // keeps a worker process alive until a signal stops it.
  const keepAlive = setInterval(() => {}, 1 << 30);
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log("worker.stopping", { reason: signal });
    clearInterval(keepAlive);
    const finished = await runtime.stop(env.SHUTDOWN_GRACE_MS);
    log("worker.stopped", { reason: signal, status: finished ? "clean" : "grace-expired" }, finished ? "info" : "warn");
    process.exit(0);
  };
  process.once("SIGTERM", (s) => void shutdown(s));
  process.once("SIGINT", (s) => void shutdown(s));
}
