/**
 * Prints each article's readability grade, word and reference count and gate problems, the problems in the site's
 * own text, and the articles by review date (oldest first, those due marked); exits 1 on any problem.
 * Usage: npx tsx scripts/content-report.ts [--today YYYY-MM-DD]
 */
// First: reruns this script under the react-server condition when it was started without it.
import "./lib/react-server";
import { parseArgs } from "node:util";
import { checkContent, formatProblem, todayUtc } from "@/lib/content/check";
import { REVIEW_MAX_AGE_MONTHS, describeTopics } from "@/lib/content/freshness";
import { readability } from "@/lib/content/readability";
import { median, spanishReadability } from "@/lib/content/inflesz";
import { locales } from "@/lib/i18n/locales";

function usage(): never {
  console.error("usage: npx tsx scripts/content-report.ts [--today YYYY-MM-DD]");
  process.exit(2);
}
let today: string;
try {
  today = parseArgs({ options: { today: { type: "string" } } }).values.today ?? todayUtc();
} catch {
  usage();
}
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) usage();

let failed = 0;
for (const locale of locales) {
  const { articles, problems, reviews } = checkContent(locale, today);
  failed += problems.length;
  console.log(`\n## ${locale}\n`);
  if (locale === "es") {
    // Spanish: INFLESZ (the gate, with its band) and the corrected Fernández-Huerta (reported only); content/es/WRITING.md §9.
    console.log(`| article | INFLESZ | band | Fernández-Huerta | words | references (in Spanish) | reading |\n|---|---|---|---|---|---|---|`);
    for (const a of articles) {
      const r = spanishReadability(a.body);
      const spanishSources = a.references.filter((x) => x.language === "es").length;
      console.log(
        `| ${a.slug} | ${r.inflesz} | ${r.band} | ${r.fernandezHuerta} | ${r.words} | ${a.references.length} (${spanishSources}) | ${a.readingMinutes} min |`,
      );
      for (const p of problems.filter((x) => x.file === a.file)) console.log(`   ✗ [${p.gate}] ${p.message}`);
    }
    console.log(`\nMedian INFLESZ: ${median(articles.map((a) => spanishReadability(a.body).inflesz))}`);
  } else {
    console.log(`| article | grade | words | references | reading |\n|---|---|---|---|---|`);
    for (const a of articles) {
      const r = readability(a.body);
      console.log(`| ${a.slug} | ${r.grade} | ${r.words} | ${a.references.length} | ${a.readingMinutes} min |`);
      for (const p of problems.filter((x) => x.file === a.file)) console.log(`   ✗ [${p.gate}] ${p.message}`);
    }
  }
  const elsewhere = problems.filter((p) => !articles.some((a) => a.file === p.file));
  if (elsewhere.length) {
    console.log(`\nOutside articles:`);
    for (const p of elsewhere) console.log(`   ✗ ${formatProblem(p)}`);
  }
  console.log(
    `\nReview freshness on ${today} (an article naming a medication, law or ASAM edition is reviewed every ${REVIEW_MAX_AGE_MONTHS} months), oldest first:`,
  );
  console.log(`| article | lastReviewed | due | status | names |\n|---|---|---|---|---|`);
  for (const r of reviews) {
    const status = r.topics.length === 0 ? "no dated topics" : r.stale ? "⚠ NEEDS REVIEW" : "ok";
    console.log(`| ${r.slug} | ${r.lastReviewed} | ${r.topics.length ? r.due : "—"} | ${status} | ${describeTopics(r.topics) || "—"} |`);
  }
}
process.exit(failed ? 1 : 0);
