/**
 * `npm run launch-check`: lists every placeholder still left (config values, articles without a named reviewer
 * or past their review date) and exits 1 while any remain, 0 when the site is ready to go live.
 */
// First: reruns this script under the react-server condition when it was started without it.
import "../lib/react-server";
import { launchFindings } from "@/lib/launch/check";

const findings = launchFindings(new Date());
if (findings.length === 0) {
  console.log("launch-check: no placeholders left.");
} else {
  for (const f of findings) console.log(`${f.where}: ${f.what}`);
  console.log(`\nlaunch-check: ${findings.length} placeholder${findings.length === 1 ? "" : "s"} left. Fill them in before the site goes live.`);
  process.exitCode = 1;
}
