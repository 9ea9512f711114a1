import "server-only";
import fs from "node:fs";
import path from "node:path";
import { center } from "@/content/center";
import { medications } from "@/lib/center/schema";
import { strings } from "@/lib/i18n/strings";
import type { Locale } from "@/lib/i18n/locales";
import { knownRoutes } from "@/lib/site/page-index";
import { articlePath } from "@/lib/site/routes";
import { loadArticles, type Article } from "./load";
import { articleProblems, claimProblems, linkTargetsOf, readabilityMedianProblems, siteTextProblems, type GateProblem } from "./gates";
import { MdxSyntaxError, readerText } from "./markdown";
import { centerTexts, dictionaryTexts } from "./site-text";
import { REVIEW_MAX_AGE_MONTHS, describeTopics, reviewStatus, type ReviewStatus } from "./freshness";

/**
 * Every content gate, in one call, for the build step (scripts/build/check-content.ts), the content report and the
 * tests: problems fail the build; warnings (review freshness, which depends on the date) are printed and never do.
 */
export interface ContentCheck {
  articles: Article[];
  problems: GateProblem[];
  /** Each article's review status, oldest `lastReviewed` first. */
  reviews: ReviewStatus[];
  /** One line per stale article. */
  warnings: string[];
}

/** Medication names the center config knows, added to the review-freshness list. */
const configMedications = (): string[] => [...medications, ...center.medications.onSite, ...center.medications.partners.flatMap((p) => p.offers)];

/**
 * Banned claims in the trust pages, content/<locale>/pages/*.mdx under `root`: every page in the folder, so a new one
 * is read too. Claims only: a trust page has no references to cite.
 */
export function trustPageProblems(locale: Locale, root: string = process.cwd()): GateProblem[] {
  const dir = path.join(root, "content", locale, "pages");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".mdx"))
    .sort()
    .flatMap((name) => {
      const file = `content/${locale}/pages/${name}`;
      try {
        return claimProblems({ file, body: fs.readFileSync(path.join(dir, name), "utf8"), locale }).filter((p) => p.gate === "claims");
      } catch (e) {
        if (!(e instanceof MdxSyntaxError)) throw e;
        return [{ file, gate: "claims" as const, message: `not valid MDX, so the claims gate cannot read it: ${e.message}` }];
      }
    });
}

/** Problems in the text the site renders outside articles: the center config, its sentences, the dictionary, the trust pages. */
export function siteProblems(locale: Locale, root: string = process.cwd()): GateProblem[] {
  return [
    ...siteTextProblems([...centerTexts(center, locale), ...dictionaryTexts(strings(locale), `lib/i18n/${locale}.ts`)], locale),
    ...trustPageProblems(locale, root),
  ];
}

/** Review freshness of each article on `today`, oldest `lastReviewed` first. */
function reviewStatuses(articles: readonly Article[], today: string): ReviewStatus[] {
  const meds = configMedications();
  return (
    articles
      // Reference titles too: an article can rest on a law or a medication's label without naming it in its prose.
      .map((a) => reviewStatus(a, [readerText(a.body), ...a.references.map((r) => r.title)].join("\n"), today, meds))
      .sort((a, b) => a.lastReviewed.localeCompare(b.lastReviewed) || a.slug.localeCompare(b.slug))
  );
}

export function staleWarning(r: ReviewStatus, today: string): string {
  return `${r.file} [review] lastReviewed ${r.lastReviewed} is more than ${REVIEW_MAX_AGE_MONTHS} months before ${today} (due ${r.due}), and the article names ${describeTopics(r.topics)}: check it against its sources and set lastReviewed.`;
}

/** Runs every gate over a locale's articles and the site's own text; `today` is YYYY-MM-DD. */
export function checkContent(locale: Locale, today: string): ContentCheck {
  const articles = loadArticles(locale);
  const targets = linkTargetsOf(
    knownRoutes(locale),
    articles.map((a) => ({ ...a, path: articlePath(locale, a.slug) })),
  );
  const problems = [...articles.flatMap((a) => articleProblems(a, targets)), ...readabilityMedianProblems(locale, articles), ...siteProblems(locale)];
  const reviews = reviewStatuses(articles, today);
  return { articles, problems, reviews, warnings: reviews.filter((r) => r.stale).map((r) => staleWarning(r, today)) };
}

export const formatProblem = (p: GateProblem) => `${p.file} [${p.gate}] ${p.message}`;

/** Today in UTC as YYYY-MM-DD: the one place a script reads the clock for review freshness. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
