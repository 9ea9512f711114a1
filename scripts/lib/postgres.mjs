// @ts-check
// The PostgreSQL server binaries the PostgreSQL store's tests start a throwaway server from (tests/helpers/postgres.ts
// looks in the same place): Debian's layout, /usr/lib/postgresql/<version>/bin, installed with apt-get (package
// postgresql) when absent, like the browser (chromium.mjs) and the Java runtime (java.mjs). Only the binaries are
// used: the package's own cluster is never started by the tests.
import fs from "node:fs";
import path from "node:path";
import { aptInstall, canAdminister, isDebian } from "./chromium.mjs";

const BASE = "/usr/lib/postgresql";
const APT_PACKAGES = ["postgresql"];

function hasServerBinaries() {
  return fs.existsSync(BASE) && fs.readdirSync(BASE).some((v) => fs.existsSync(path.join(BASE, v, "bin", "initdb")));
}

/** Makes sure a PostgreSQL server can be started for the tests; throws an Error that says what to install when not. */
export function ensurePostgres() {
  if (hasServerBinaries()) return;
  if (isDebian() && canAdminister()) {
    console.log(`Installing PostgreSQL for the PostgreSQL store's tests (apt-get install ${APT_PACKAGES.join(" ")})…`);
    if (aptInstall(APT_PACKAGES) && hasServerBinaries()) return;
  }
  throw new Error(
    "The PostgreSQL store's tests need PostgreSQL's server binaries under /usr/lib/postgresql/<version>/bin (Debian's layout). " +
      `Install them, then run \`npm test\` again:\n  - Debian: sudo apt-get install ${APT_PACKAGES.join(" ")}`,
  );
}
