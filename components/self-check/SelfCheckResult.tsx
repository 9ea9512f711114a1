import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import type { ScoredCheck } from "@/lib/self-check/instruments/types";
import { articlePath } from "@/lib/site/routes";
import { selfCheckLinks } from "@/lib/self-check/links";
import { USAUDIT_C_MAX, USAUDIT_MAX, type Outcome } from "@/lib/self-check/score";
import { RESULT_ID, type ResultKey } from "./dom";

/** The result block an outcome shows (no block for "continue": stage 2 is asked instead). */
function resultKey(outcome: Outcome | "minor"): ResultKey | undefined {
  if (outcome === "minor") return "minor";
  if (outcome.kind === "c-negative") return "c-negative";
  if (outcome.kind === "zone") return `zone-${outcome.zone}`;
  return undefined;
}

/**
 * Every result the check can give, one block each, with the withdrawal warning and the lower-risk tips as blocks of
 * their own. The page renders them all hidden for the browser module to reveal; the no-JavaScript route renders the
 * same component with `outcome` set. One set of words for both.
 */
export function SelfCheckResult({ locale, check, outcome }: { locale: Locale; check: ScoredCheck; outcome?: Outcome | "minor" }) {
  const t = check.words;
  const r = t.result;
  const key = outcome ? resultKey(outcome) : undefined;
  const score = outcome && outcome !== "minor" ? String(outcome.score) : "";
  const warn = !!outcome && outcome !== "minor" && outcome.kind !== "continue" && outcome.withdrawalWarning;
  const lowerRisk = key === "c-negative" || key === "zone-1" || key === "zone-2";
  const block = (k: ResultKey, max: number | null, lines: readonly string[]) => (
    <div key={k} data-result={k} hidden={key !== k} className="space-y-2">
      {max !== null ? (
        <p className="text-lg font-bold">
          <ScoreLine text={r.score("{score}", String(max))} score={key === k ? score : ""} />
        </p>
      ) : null}
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
  return (
    <section
      id={RESULT_ID}
      hidden={!key}
      tabIndex={-1}
      aria-labelledby={`${RESULT_ID}-heading`}
      data-minor-heading={t.minorHeading}
      className="mb-8 rounded-lg border-4 border-sky-800 p-4 dark:border-sky-300"
    >
      <h2 id={`${RESULT_ID}-heading`} className="text-2xl font-bold">
        {key === "minor" ? t.minorHeading : r.heading}
      </h2>
      <div className="mt-3 space-y-4">
        {block("minor", null, [t.minor])}
        {block("c-negative", USAUDIT_C_MAX, r.cNegative)}
        {([1, 2, 3, 4] as const).map((z) => block(`zone-${z}`, USAUDIT_MAX, r.zones[z]))}
        <p data-block="not-diagnosis" hidden={!key || key === "minor"} className="font-semibold">
          {strings(locale).selfCheck.notDiagnosis}
        </p>
        <div data-block="withdrawal" hidden={!warn} className="rounded-md border-l-4 border-red-800 bg-red-50 p-3 dark:border-red-300 dark:bg-slate-900">
          <h3 className="font-bold">{r.withdrawalHeading}</h3>
          {r.withdrawal.map((line) => (
            <p key={line} className="mt-1">
              {line}
            </p>
          ))}
          <p className="mt-1">
            <a href={articlePath(locale, "withdrawal-and-detox")} className="font-semibold link">
              {r.withdrawalLink}
            </a>
          </p>
        </div>
        <div data-block="lower-risk" hidden={!lowerRisk}>
          <h3 className="font-bold">{r.lowerRiskHeading}</h3>
          {r.lowerRisk.map((line) => (
            <p key={line} className="mt-1">
              {line}
            </p>
          ))}
          <p className="mt-1 text-sm">
            <a href={selfCheckLinks.niaaaHowMuch} className="link">
              {r.lowerRiskSource}
            </a>
          </p>
          <p className="mt-1">
            <a href={selfCheckLinks.rethinkingDrinking} className="font-semibold link">
              {r.tipsLink}
            </a>
          </p>
        </div>
      </div>
    </section>
  );
}

/** "Your score: {score} out of 46." with the score in a span the browser module fills in. */
function ScoreLine({ text, score }: { text: string; score: string }) {
  const [before, after] = text.split("{score}");
  return (
    <>
      {before}
      <span data-score>{score}</span>
      {after}
    </>
  );
}
