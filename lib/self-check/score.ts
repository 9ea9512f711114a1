/**
 * Scoring of the USAUDIT as its guide publishes it (shared/research/screening-facts.md §1.5–1.6; decision 0006).
 * Pure functions on points, shared by the browser module and the no-JavaScript route, so both give the same result.
 *
 * - USAUDIT-C (items 1–3, 0–18): positive at 7 or more for women and for men over 65, at 8 or more for men 65 and
 *   under. A positive USAUDIT-C leads to all 10 items.
 * - USAUDIT (items 1–10, 0–46): zone I below that same cut-off (women 0–6, men 0–7), zone II up to 15, zone III
 *   16–24, zone IV 25 and over.
 * - The guide names only women and men. Anyone who does not answer "man" gets the lower cut-off, as CDC's electronic
 *   version does when sex is unknown: the more careful reading, never the more lenient one.
 */
export type Sex = "woman" | "man" | "other";
export type AgeBand = "18-65" | "66-plus";
export interface Profile {
  sex: Sex;
  age: AgeBand;
}

export const USAUDIT_C_MAX = 18;
export const USAUDIT_MAX = 46;

/** The score at which risk starts: the USAUDIT-C's positive cut-off and the lower edge of zone II. */
export function riskCutoff({ sex, age }: Profile): 7 | 8 {
  return sex === "man" && age === "18-65" ? 8 : 7;
}

const sum = (points: readonly number[]) => points.reduce((a, b) => a + b, 0);

/** Items 1–3 in order. */
export function usauditCScore(points: readonly number[]): number {
  if (points.length !== 3) throw new Error("the USAUDIT-C has 3 items");
  return sum(points);
}

export function usauditCPositive(score: number, profile: Profile): boolean {
  return score >= riskCutoff(profile);
}

export type Zone = 1 | 2 | 3 | 4;

/** Items 1–10 in order. */
export function usauditScore(points: readonly number[]): number {
  if (points.length !== 10) throw new Error("the USAUDIT has 10 items");
  return sum(points);
}

export function usauditZone(score: number, profile: Profile): Zone {
  if (score < riskCutoff(profile)) return 1;
  if (score <= 15) return 2;
  if (score <= 24) return 3;
  return 4;
}

/**
 * Signs the guide says to watch for withdrawal: any points on items 4–6 (impaired control, morning drinking), or
 * heavy drinking daily or nearly so (item 3 at "4-6 times a week" or "Daily"). Zone IV always counts too.
 */
export function dependenceSigns(points: readonly number[]): boolean {
  const [, , q3 = 0, q4 = 0, q5 = 0, q6 = 0] = points;
  return q3 >= 5 || q4 > 0 || q5 > 0 || q6 > 0;
}

/** What the result shows: which block, the score, and whether the withdrawal warning goes with it. */
export type Outcome =
  | { kind: "c-negative"; score: number; withdrawalWarning: boolean }
  | { kind: "continue"; score: number }
  | { kind: "zone"; zone: Zone; score: number; withdrawalWarning: boolean };

/**
 * The result of the two-stage check: after items 1–3 either a negative USAUDIT-C result or "continue"; after all 10
 * items the zone. `points` holds 3 or 10 numbers.
 */
export function outcome(points: readonly number[], profile: Profile): Outcome {
  if (points.length === 3) {
    const score = usauditCScore(points);
    return usauditCPositive(score, profile) ? { kind: "continue", score } : { kind: "c-negative", score, withdrawalWarning: dependenceSigns(points) };
  }
  const score = usauditScore(points);
  const zone = usauditZone(score, profile);
  return { kind: "zone", zone, score, withdrawalWarning: zone === 4 || dependenceSigns(points) };
}
