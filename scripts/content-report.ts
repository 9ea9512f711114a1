/**
 * Prints each article's readability grade, reference count and gate problems; exits 1 on any problem.
 * Usage: npx tsx scripts/content-report.ts
 */
import { loadArticles } from "@/lib/content/load";
import { articleProblems } from "@/lib/content/gates";
import { readability } from "@/lib/content/readability";
import { knownRoutes } from "@/lib/site/routes";
import { locales } from "@/lib/i18n/locales";

let failed = 0;
for (const locale of locales) {
  const routes = knownRoutes(locale);
  console.log(`| article | grade | words | references | reading |\n|---|---|---|---|---|`);
  for (const a of loadArticles(locale)) {
    const r = readability(a.body);
    console.log(`| ${a.slug} | ${r.grade} | ${r.words} | ${a.references.length} | ${a.readingMinutes} min |`);
    for (const p of articleProblems(a, routes)) {
      failed++;
      console.log(`   ✗ [${p.gate}] ${p.message}`);
    }
  }
}
process.exit(failed ? 1 : 0);
