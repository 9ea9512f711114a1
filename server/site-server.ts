// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import http from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { env as loadEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { clientAddress } from "@/lib/inquiries/guard";
import { apiCsp, baseSecurityHeaders, pageCsp } from "@/lib/security/headers";
import { sendWebResponse, toWebRequest } from "./http-adapter";
import { ownRoute } from "./own-routes";
import { startInquiryRuntime } from "./inquiry-runtime";
import { describePostgres } from "@/lib/inquiries/store/postgres";
import { RouterFreeResponse, dropRouterRequestHeaders } from "./router-headers";

/**
 * Starts everything one server process runs, in order, and stops it in reverse on SIGTERM or SIGINT:
 * the inquiry store (migrated), the delivery worker, Next.js's request handler, and the HTTP server that puts
 * the inquiry routes in front of Next. This is the only place they start and stop.
 */
export async function startSiteServer({ dev }: { dev: boolean }) {
  const env = loadEnv();
  const inquiries = await startInquiryRuntime(env);

  const ownHeaders = (contentType: string | null): Record<string, string> => ({
    ...Object.fromEntries(baseSecurityHeaders.map((h) => [h.key, h.value])),
    // HTML from these routes is a page like any other; everything else runs no script at all.
    "Content-Security-Policy": contentType?.startsWith("text/html") ? pageCsp(dev) : apiCsp,
  });

  const inFlight = new Set<http.ServerResponse>();
  // Filled in once Next.js is prepared; the server does not listen before then.
  const nextApp: { handle?: ReturnType<ReturnType<typeof next>["getRequestHandler"]> } = {};
  // In production no client router exists, so nothing of its protocol is answered or sent (server/router-headers.ts);
  // `next dev` keeps the runtime, and with it the router.
  const server = http.createServer(dev ? {} : { ServerResponse: RouterFreeResponse }, (req, res) => {
    if (!dev) dropRouterRequestHeaders(req);
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    const route = ownRoute(pathname, req.method, { dev, selfCheckPreview: env.SELF_CHECK_PREVIEW });
    const work = route
      ? route(toWebRequest(req), {
          env,
          inquiries,
          // The socket's address, or the trusted proxy's last X-Forwarded-For entry: never a header a client chose.
          clientAddress: clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"]?.toString() ?? null, env.TRUST_PROXY),
        }).then((response) => sendWebResponse(res, response, ownHeaders(response.headers.get("content-type"))))
      : nextApp.handle!(req, res);
    Promise.resolve(work).catch((err: unknown) => {
      log("http.error", { code: (err as { code?: string }).code ?? "UNKNOWN", status: 500 }, "error");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8", ...ownHeaders("text/plain") });
      res.end();
    });
  });

  // Next's documented custom-server API (next(), prepare(), getRequestHandler()); it gets this HTTP server so its
  // development server can attach hot reloading to it.
  const app = next({ dev, dir: process.cwd(), hostname: env.HOST, port: env.PORT, httpServer: server });
  await app.prepare();
  nextApp.handle = app.getRequestHandler();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOST, resolve);
  });
  const address = server.address() as AddressInfo;
  console.log(`Serving the site on http://${env.HOST ?? "localhost"}:${address.port}${dev ? " (development)" : ""}.`);
  // Where, never how to log in: DATABASE_URL holds the password.
  const storeAt = env.DATABASE_URL ? describePostgres(env.DATABASE_URL) : env.dataDir;
  console.log(`Inquiries are stored in ${storeAt}; staff mail goes to ${inquiries.describeMail}.`);
  console.log(
    {
      "in-process": env.DELIVERY_WORKER ? "Delivery: a worker in this process." : "Delivery: off in this process (DELIVERY_WORKER=false).",
      worker: "Delivery: standalone workers only (npm run worker); this process sends nothing.",
      endpoint: "Delivery: by a scheduler calling POST /api/deliver; this process sends nothing on its own.",
    }[env.DELIVERY],
  );

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log("server.stopping", { reason: signal, count: inFlight.size });
    const deadline = Date.now() + env.SHUTDOWN_GRACE_MS;
    const remaining = () => Math.max(0, deadline - Date.now());
    // Stop accepting connections; idle keep-alive connections close now, busy ones after their response.
    const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
    server.closeIdleConnections();
    const requestsDone = await Promise.race([closed, new Promise<false>((r) => setTimeout(() => r(false), remaining()).unref())]);
    if (!requestsDone) server.closeAllConnections();
    const workerDone = await inquiries.stop(remaining());
    await app.close().catch(() => {});
    const clean = requestsDone && workerDone;
    log("server.stopped", { reason: signal, status: clean ? "clean" : "grace-expired" }, clean ? "info" : "warn");
    process.exit(0);
  };
  process.once("SIGTERM", (s) => void shutdown(s));
  process.once("SIGINT", (s) => void shutdown(s));
  return server;
}
