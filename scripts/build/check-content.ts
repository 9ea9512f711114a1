/**
 * The build's content step (scripts/build.mjs runs it before `next build`): every content gate over every article
 * and the site's own text. Prints each problem (file, gate, message) and exits 1 if there is one; prints review
 * warnings, which never fail the build (they depend on today's date).
 * Usage: npx tsx scripts/build/check-content.ts
 */
// First: reruns this script under the react-server condition when it was started without it.
import "../lib/react-server";
import { center } from "@/content/center";
import { checkContent, formatProblem, todayUtc } from "@/lib/content/check";
import { ContentError, loadArticles } from "@/lib/content/load";
import { articleParity, centerParity, trustPageParity } from "@/lib/content/parity";
import { locales } from "@/lib/i18n/locales";

let problems = 0;
for (const locale of locales) {
  try {
    const result = checkContent(locale, todayUtc());
    for (const w of result.warnings) console.warn(`warning: ${w}`);
    for (const p of result.problems) console.error(formatProblem(p));
    problems += result.problems.length;
    console.log(`content gates (${locale}): ${result.articles.length} articles, ${result.problems.length} problems, ${result.warnings.length} review warnings`);
  } catch (e) {
    if (!(e instanceof ContentError)) throw e;
    console.error(e.message);
    problems++;
  }
}
// The same pages, sources and config facts in every language (lib/content/parity.ts).
try {
  const parity = [...articleParity({ en: loadArticles("en"), es: loadArticles("es") }), ...trustPageParity(process.cwd()), ...centerParity(center)];
  for (const p of parity) console.error(`parity [${p.what}] ${p.message}`);
  problems += parity.length;
  console.log(`content parity (${locales.join(", ")}): ${parity.length} problems`);
} catch (e) {
  if (!(e instanceof ContentError)) throw e;
  console.error(e.message);
  problems++;
}
if (problems > 0) {
  console.error(`content gates: ${problems} problem(s); fix them before building (npx tsx scripts/content-report.ts shows each article).`);
  process.exit(1);
}
