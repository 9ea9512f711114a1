import type { Article } from "./load";
import { citedNumbers, linkTargets, proseBlocks } from "./markdown";
import { claimRules } from "./claims";
import { readability, sentences } from "./readability";

/** The highest Flesch-Kincaid grade an article may have. */
export const MAX_GRADE = 9;

export interface GateProblem {
  file: string;
  gate: "references" | "claims" | "citations" | "links" | "readability";
  message: string;
}

const PERCENT = /\b\d{1,3}(\.\d+)?\s?(%|percent)/i;

/** Banned claims and uncited percentages, judged sentence by sentence. */
export function claimProblems(article: Pick<Article, "file" | "body">): GateProblem[] {
  const problems: GateProblem[] = [];
  for (const block of proseBlocks(article.body, { raw: true })) {
    for (const s of sentences(block)) {
      for (const rule of claimRules) {
        if (rule.pattern.test(s) && !(rule.unlessSentence?.test(s) ?? false)) {
          problems.push({ file: article.file, gate: "claims", message: `${rule.id}: ${rule.why} In: "${s.slice(0, 120)}"` });
        }
      }
      if (PERCENT.test(s) && !/<Cite\s/.test(s)) {
        problems.push({ file: article.file, gate: "citations", message: `a percentage needs a <Cite n={…} /> in the same sentence: "${s.slice(0, 120)}"` });
      }
    }
  }
  return problems;
}

/** Citations point at an existing reference. */
export function citationProblems(article: Pick<Article, "file" | "body" | "references">): GateProblem[] {
  return citedNumbers(article.body)
    .filter((n) => n < 1 || n > article.references.length)
    .map((n) => ({ file: article.file, gate: "citations" as const, message: `<Cite n={${n}} /> but there are ${article.references.length} references` }));
}

/** Internal links resolve to a real route (anchors on other pages are not checked here). */
export function linkProblems(article: Pick<Article, "file" | "body">, routes: ReadonlySet<string>): GateProblem[] {
  return linkTargets(article.body)
    .filter((href) => href.startsWith("/"))
    .map((href) =>
      href
        .split("#")[0]
        .split("?")[0]
        .replace(/(.)\/$/, "$1"),
    )
    .filter((p) => !routes.has(p))
    .map((p) => ({ file: article.file, gate: "links" as const, message: `internal link to ${p} has no page` }));
}

export function readabilityProblems(article: Pick<Article, "file" | "body">): GateProblem[] {
  const { grade } = readability(article.body);
  return grade > MAX_GRADE ? [{ file: article.file, gate: "readability", message: `Flesch-Kincaid grade ${grade} is above ${MAX_GRADE}` }] : [];
}

function referenceProblems(article: Pick<Article, "file" | "references">): GateProblem[] {
  return article.references.length < 2
    ? [{ file: article.file, gate: "references", message: `has ${article.references.length} references; at least 2 are needed` }]
    : [];
}

/** Every gate for one article. */
export function articleProblems(article: Article, routes: ReadonlySet<string>): GateProblem[] {
  return [
    ...referenceProblems(article),
    ...claimProblems(article),
    ...citationProblems(article),
    ...linkProblems(article, routes),
    ...readabilityProblems(article),
  ];
}
