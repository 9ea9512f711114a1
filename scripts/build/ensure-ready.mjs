// @ts-check
// `npm start` runs this first: on a fresh clone it installs dependencies and builds, so one command serves the site.
import { build, buildIsStale, ensureDependencies } from "./ensure-tools.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
ensureDependencies();
if (buildIsStale()) {
  console.log("Building the site (next build)…");
  build();
}
