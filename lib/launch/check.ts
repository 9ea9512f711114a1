// Server code (secrets, the store, mail, the file system): a browser bundle that imports it fails to build.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { center } from "@/content/center";
import { loadArticles } from "@/lib/content/load";
import { locales } from "@/lib/i18n/locales";
import { trustPages } from "@/lib/site/routes";
import { articleFindings, configFindings, placeholderBoxFindings, type LaunchFinding } from "./placeholders";

/** Every locale's trust pages as their MDX sources (content/<locale>/pages/<page>.mdx), where they exist. */
function trustPageSources(): { file: string; source: string }[] {
  return locales.flatMap((l) =>
    Object.keys(trustPages).flatMap((page) => {
      const file = path.join("content", l, "pages", `${page}.mdx`);
      const full = path.join(process.cwd(), file);
      return fs.existsSync(full) ? [{ file, source: fs.readFileSync(full, "utf8") }] : [];
    }),
  );
}

/** Everything still standing in for the real center: the config's stand-ins, placeholder boxes in pages, every locale's articles. */
export function launchFindings(today: Date): LaunchFinding[] {
  return [...configFindings(center), ...placeholderBoxFindings(trustPageSources()), ...locales.flatMap((l) => articleFindings(loadArticles(l), today))];
}
