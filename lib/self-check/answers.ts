import type { InstrumentItem } from "./instruments/types";
import type { AgeBand, Profile, Sex } from "./score";

/**
 * Reading a self-check's answers from form fields (a posted body, or the form in the browser), shared by the
 * browser module and the no-JavaScript route. Only known fields with known values count: anything else is ignored,
 * and a missing or unknown answer is an error on that question. Nothing here keeps or logs what it reads.
 */
export const PROFILE_FIELDS = { sex: "sex", age: "age" } as const;
export const STAGE_FIELD = "stage";
/** The age answer that ends the check: it is for adults. */
const UNDER_18 = "under-18";

const SEXES: readonly Sex[] = ["woman", "man", "other"];
const AGES: readonly (AgeBand | typeof UNDER_18)[] = [UNDER_18, "18-65", "66-plus"];

/** A posted body (URLSearchParams) or the form in the browser (FormData). */
export type Answers = { get(name: string): unknown };

export interface ParsedAnswers {
  /** Under 18: no score is given. */
  minor: boolean;
  profile?: Profile;
  /** Points for items 1–3, or 1–10 at stage 2, in order; set only when every one is answered. */
  points?: number[];
  /** Field names left unanswered or answered with a value the form does not offer, in form order. */
  missing: string[];
  stage: 1 | 2;
}

export function parseAnswers(answers: Answers, items: readonly InstrumentItem[]): ParsedAnswers {
  const form = {
    get: (name: string): string | null => {
      const v = answers.get(name);
      return typeof v === "string" ? v : null;
    },
  };
  const stage = form.get(STAGE_FIELD) === "2" ? 2 : 1;
  const missing: string[] = [];
  const age = form.get(PROFILE_FIELDS.age);
  const sex = form.get(PROFILE_FIELDS.sex);
  if (!AGES.includes(age as never)) missing.push(PROFILE_FIELDS.age);
  if (age === UNDER_18) return { minor: true, missing: [], stage };
  if (!SEXES.includes(sex as never)) missing.push(PROFILE_FIELDS.sex);
  const asked = items.slice(0, stage === 2 ? 10 : 3);
  const points: number[] = [];
  for (const item of asked) {
    const raw = form.get(item.id);
    const choice = item.choices.find((c) => String(c.points) === raw);
    if (choice) points.push(choice.points);
    else missing.push(item.id);
  }
  return {
    minor: false,
    stage,
    missing,
    profile: missing.includes(PROFILE_FIELDS.age) || missing.includes(PROFILE_FIELDS.sex) ? undefined : { sex: sex as Sex, age: age as AgeBand },
    points: missing.length === 0 ? points : undefined,
  };
}
