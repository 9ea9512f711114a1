/**
 * The standalone delivery worker, `npm run worker` (built by scripts/build/build-server.mjs into dist/server/worker.mjs):
 * for deployments whose web processes run with DELIVERY=worker and send nothing themselves. It serves no HTTP. Run one
 * or more beside the web processes, on the same store and with the same environment; leases keep two workers from
 * sending one inquiry at once. It finds new inquiries by polling every DELIVERY_POLL_MS (no web process can wake it).
 *
 * On SIGTERM or SIGINT it stops claiming entries, lets the send in progress finish (or releases its lease after
 * SHUTDOWN_GRACE_MS, so another worker takes it at once), closes the mailer and the store, and exits 0.
 */
const settings = process.env as Record<string, string | undefined>;
settings.NODE_ENV ??= "production";

const { startWorkerProcess } = await import("./worker-process");
await startWorkerProcess();

export {};
