// The build's last step, after `next build` (part of `npm run build`): stops if the installed Next.js is not the version
// lib/build/next-output.ts was verified against (saying what to re-verify), removes the framework's client runtime from
// every prerendered page and any route-cache copy of one, fails if a page still carries any of it, and writes
// .next/finished, which scripts/build/ensure-tools.mjs takes as "the build is complete". All of it is in
// lib/build/next-output.ts; see docs/decisions/0002-no-client-runtime.md for why.
// With --check-version it checks the installed Next.js and nothing else: the build's first step, so a version nobody
// has verified stops the build in a second rather than after `next build`.
// Usage: tsx scripts/build/finish-build.ts [--check-version] [--root DIR]   (DIR: the project, by default this one)
// First: reruns this script under the react-server condition when it was started without it.
import "../lib/react-server";
import path from "node:path";
import { parseArgs } from "node:util";
import { finishBuild, installedNextVersion, nextVersionProblem } from "../../lib/build/next-output";

try {
  const { values } = parseArgs({ options: { "check-version": { type: "boolean" }, root: { type: "string" } } });
  const root = path.resolve(values.root ?? path.join(__dirname, "..", ".."));
  if (values["check-version"]) {
    const problem = nextVersionProblem(installedNextVersion(root));
    if (problem) throw new Error(problem);
    console.log(`finish-build: next ${installedNextVersion(root)} is the verified version`);
  } else {
    const r = finishBuild(root);
    const kib = (n: number) => (n / 1024).toFixed(0);
    console.log(
      `finish-build: ${r.pages} prerendered HTML files without the framework runtime (${kib(r.bytesBefore)} → ${kib(r.bytesAfter)} KiB); ` +
        `own modules on: ${[...new Set(r.withOwnModules.map((f) => path.basename(f)))].join(", ") || "none"}`,
    );
  }
} catch (err) {
  console.error(`finish-build: ${(err as Error).message}`);
  process.exit(1);
}
