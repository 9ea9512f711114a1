// @ts-check
// `npm run build`, the same on every OS (steps in scripts/build/steps.mjs): the installed Next.js checked against the
// version the runtime removal was verified for (scripts/build/finish-build.ts --check-version), the content gates
// (scripts/build/check-content.ts: a problem in an article or in the site's own text stops the build before anything is
// built; review-date warnings print and never stop it), the stylesheet and the form's browser module into
// public/assets/, the server entry into dist/server/, `next build` prerenders every page, and
// scripts/build/finish-build.ts removes the framework's client runtime from the pages (and writes .next/finished last,
// so a build that stopped half way counts as none).
import { buildSteps } from "./build/steps.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";

for (const [title, step] of buildSteps) {
  const status = step();
  if (status !== 0) {
    console.error(`build: ${title} failed (exit ${status})`);
    process.exit(status);
  }
}
