/**
 * The one server entry: `npm start`, the tests, the benchmarks and a production deployment all run this file
 * (built by scripts/build/build-server.mjs into dist/server/main.mjs). See docs/decisions/0001-server-entry.md.
 *
 *   node dist/server/main.mjs          serve the built site (production)
 *   node dist/server/main.mjs --dev    serve with Next's development server
 *
 * React and Next.js read NODE_ENV when they are first loaded, so it is set here, before anything imports them.
 */
const dev = process.argv.includes("--dev");
const settings = process.env as Record<string, string | undefined>;
settings.NODE_ENV ??= dev ? "development" : "production";
settings.NEXT_TELEMETRY_DISABLED ??= "1";

const { startSiteServer } = await import("./site-server");
await startSiteServer({ dev });

export {};
