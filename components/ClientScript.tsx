import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * A browser module built by scripts/build-client.mjs into public/assets (pages ship no framework runtime, so
 * this is the only script a page runs). Rendered at build time: the query string changes whenever the file
 * does, so the file can be cached for a year, and the integrity hash makes the browser refuse any other bytes
 * (the form then still posts as a plain HTML form).
 */
export function ClientScript({ name }: { name: string }) {
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "public", "assets", `${name}.js`);
  if (!fs.existsSync(file))
    throw new Error(
      `${path.relative(process.cwd(), file)} is missing: build it with \`node scripts/build-client.mjs\` (npm run build and npm run dev do this first)`,
    );
  const code = fs.readFileSync(file);
  const version = crypto.createHash("sha256").update(code).digest("hex").slice(0, 12);
  const integrity = `sha384-${crypto.createHash("sha384").update(code).digest("base64")}`;
  // A module script is deferred by definition; the rule only looks for async/defer.
  // eslint-disable-next-line @next/next/no-sync-scripts
  return <script type="module" src={`/assets/${name}.js?v=${version}`} integrity={integrity} />;
}
