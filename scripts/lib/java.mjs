// @ts-check
// The Java runtime the W3C Nu HTML Checker (vnu-jar) runs on, for the browser suite's HTML validity test: found on
// PATH, or on Debian installed with apt-get (default-jre-headless) when absent, like the browser (chromium.mjs).
import { aptInstall, canAdminister, isDebian, onPath } from "./chromium.mjs";

const APT_PACKAGES = ["default-jre-headless"];

/** Makes sure `java` runs; throws an Error that says what to install when it cannot. */
export function ensureJava() {
  if (onPath("java")) return;
  if (isDebian() && canAdminister()) {
    console.log(`Installing a Java runtime for the HTML checker (apt-get install ${APT_PACKAGES.join(" ")})…`);
    if (aptInstall(APT_PACKAGES) && onPath("java")) return;
  }
  throw new Error(
    "The HTML validity test needs a Java runtime (for vnu-jar). Install one, then run `npm test` again:\n" +
      `  - Debian: sudo apt-get install ${APT_PACKAGES.join(" ")}\n  - any OS: a Java 11 or newer runtime on PATH (for example Eclipse Temurin).`,
  );
}
