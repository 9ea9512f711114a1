// The build's last step, after `next build` (part of `npm run build`): stops if the installed Next.js is not the version
// lib/build/next-output.ts was verified against (saying what to re-verify), removes the framework's client runtime from
// every prerendered page and any route-cache copy of one, fails if a page still carries any of it, and writes
// .next/finished, which scripts/build/ensure-tools.mjs takes as "the build is complete". All of it is in
// lib/build/next-output.ts; see docs/decisions/0002-no-client-runtime.md for why.
// Usage: tsx scripts/build/finish-build.ts
import path from "node:path";
import { finishBuild } from "../../lib/build/next-output";

try {
  const r = finishBuild(path.resolve(__dirname, "..", ".."));
  const kib = (n: number) => (n / 1024).toFixed(0);
  console.log(
    `finish-build: ${r.pages} prerendered HTML files without the framework runtime (${kib(r.bytesBefore)} → ${kib(r.bytesAfter)} KiB); ` +
      `own modules on: ${[...new Set(r.withOwnModules.map((f) => path.basename(f)))].join(", ") || "none"}`,
  );
} catch (err) {
  console.error(`finish-build: ${(err as Error).message}`);
  process.exit(1);
}
