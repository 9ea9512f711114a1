import { describe, expect, it } from "vitest";
import { parseAnswers } from "@/lib/self-check/answers";
import { usauditEn } from "@/lib/self-check/instruments/usaudit.en";
import { dependenceSigns, outcome, riskCutoff, usauditCPositive, usauditCScore, usauditScore, usauditZone, type Profile } from "@/lib/self-check/score";

const woman: Profile = { sex: "woman", age: "18-65" };
const man: Profile = { sex: "man", age: "18-65" };
const olderMan: Profile = { sex: "man", age: "66-plus" };
const other: Profile = { sex: "other", age: "18-65" };

/** Points for 10 items adding up to `total`, without points on items 4–6 (so no dependence signs unless asked). */
function tenAddingTo(total: number): number[] {
  const caps = [6, 6, 4, 0, 0, 0, 4, 4, 4, 4];
  let left = total;
  const pts = caps.map((cap) => {
    const p = Math.min(cap, left);
    left -= p;
    return p;
  });
  if (left > 0) {
    // Only above 32 do items 4–6 (then item 3's top answers) need points.
    for (const i of [3, 4, 5]) {
      const p = Math.min(4, left);
      pts[i] = p;
      left -= p;
    }
    pts[2] += left;
  }
  return pts;
}

describe("USAUDIT-C (guide, Appendix A): positive at 7 for women and men over 65, at 8 for men 65 and under", () => {
  it("cut-offs by sex and age", () => {
    expect(riskCutoff(woman)).toBe(7);
    expect(riskCutoff({ sex: "woman", age: "66-plus" })).toBe(7);
    expect(riskCutoff(olderMan)).toBe(7);
    expect(riskCutoff(man)).toBe(8);
    // Not answered as "man": the more careful cut-off.
    expect(riskCutoff(other)).toBe(7);
  });
  it.each([
    [woman, 6, false],
    [woman, 7, true],
    [olderMan, 6, false],
    [olderMan, 7, true],
    [man, 7, false],
    [man, 8, true],
    [other, 7, true],
  ] as const)("%o at %i → positive %s", (profile, score, positive) => {
    expect(usauditCPositive(score, profile)).toBe(positive);
  });
  it("adds items 1–3 (0–18)", () => {
    expect(usauditCScore([0, 0, 0])).toBe(0);
    expect(usauditCScore([6, 6, 6])).toBe(18);
    expect(() => usauditCScore([1, 2])).toThrow();
  });
  it("a positive USAUDIT-C asks all 10 items; a negative one ends the check", () => {
    expect(outcome([3, 2, 2], woman)).toEqual({ kind: "continue", score: 7 });
    expect(outcome([3, 2, 2], man)).toEqual({ kind: "c-negative", score: 7, withdrawalWarning: false });
    expect(outcome([3, 3, 2], man)).toEqual({ kind: "continue", score: 8 });
  });
});

describe("USAUDIT zones (guide §3, Table 3): I below the cut-off, II to 15, III 16–24, IV 25+", () => {
  it.each([
    [woman, 0, 1],
    [woman, 6, 1],
    [woman, 7, 2],
    [man, 7, 1],
    [man, 8, 2],
    [olderMan, 6, 1],
    [olderMan, 7, 2],
    [woman, 15, 2],
    [woman, 16, 3],
    [man, 24, 3],
    [man, 25, 4],
    [woman, 46, 4],
  ] as const)("%o at %i → zone %i", (profile, score, zone) => {
    expect(usauditZone(score, profile)).toBe(zone);
    expect(usauditScore(tenAddingTo(score))).toBe(score);
    expect(outcome(tenAddingTo(score), profile)).toMatchObject({ kind: "zone", zone, score });
  });
  it("items 9 and 10 score 0, 2 or 4; the maximum is 46", () => {
    expect(usauditEn.items[8].choices.map((c) => c.points)).toEqual([0, 2, 4]);
    expect(usauditEn.items[9].choices.map((c) => c.points)).toEqual([0, 2, 4]);
    expect(usauditEn.items.reduce((sum, i) => sum + Math.max(...i.choices.map((c) => c.points)), 0)).toBe(46);
  });
});

describe("the withdrawal warning: zone IV, points on items 4–6, or heavy drinking daily or nearly", () => {
  it("zone IV always warns", () => {
    expect(outcome(tenAddingTo(25), woman)).toMatchObject({ zone: 4, withdrawalWarning: true });
  });
  it("a point on item 4, 5 or 6 warns in any zone", () => {
    for (const i of [3, 4, 5]) {
      const pts = [4, 1, 2, 0, 0, 0, 0, 0, 0, 0];
      pts[i] = 1;
      expect(dependenceSigns(pts)).toBe(true);
      expect(outcome(pts, woman)).toMatchObject({ zone: 2, withdrawalWarning: true });
    }
  });
  it("item 3 at 4-6 times a week or daily warns; weekly does not", () => {
    expect(dependenceSigns([6, 0, 5])).toBe(true);
    expect(dependenceSigns([6, 0, 6])).toBe(true);
    expect(dependenceSigns([6, 0, 4])).toBe(false);
  });
  it("zone II without those signs does not warn", () => {
    expect(outcome(tenAddingTo(10), woman)).toMatchObject({ zone: 2, withdrawalWarning: false });
  });
});

describe("reading answers", () => {
  const form = (entries: Record<string, string>) => new URLSearchParams(entries);
  it("every missing or unknown answer is named, in form order", () => {
    const p = parseAnswers(form({ age: "18-65", q1: "9", q3: "abc" }), usauditEn.items);
    expect(p.missing).toEqual(["sex", "q1", "q2", "q3"]);
    expect(p.points).toBeUndefined();
  });
  it("stage 1 reads items 1–3; stage 2 all 10", () => {
    const base = { age: "66-plus", sex: "man", q1: "3", q2: "2", q3: "2" };
    expect(parseAnswers(form(base), usauditEn.items)).toMatchObject({ points: [3, 2, 2], profile: { sex: "man", age: "66-plus" }, stage: 1 });
    const p2 = parseAnswers(form({ ...base, stage: "2" }), usauditEn.items);
    expect(p2.missing).toEqual(["q4", "q5", "q6", "q7", "q8", "q9", "q10"]);
  });
  it("item 9 accepts only 0, 2 and 4", () => {
    const all = { age: "18-65", sex: "woman", stage: "2", q1: "0", q2: "0", q3: "0", q4: "0", q5: "0", q6: "0", q7: "0", q8: "0", q10: "0" };
    expect(parseAnswers(form({ ...all, q9: "1" }), usauditEn.items).missing).toEqual(["q9"]);
    expect(parseAnswers(form({ ...all, q9: "2" }), usauditEn.items).points).toHaveLength(10);
  });
  it("under 18 gets no score, whatever else was sent", () => {
    expect(parseAnswers(form({ age: "under-18", q1: "6" }), usauditEn.items)).toMatchObject({ minor: true, missing: [] });
  });
});
