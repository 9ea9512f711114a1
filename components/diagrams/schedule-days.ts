/**
 * Which days of the week a track's schedule text names, e.g. "Monday, Wednesday and Friday, 9:00 a.m. to 12:00 p.m."
 * → Monday, Wednesday, Friday. Understands full names and common abbreviations (capitalised, as a schedule is
 * written), ranges ("Monday to Friday", "Mon–Fri", "Monday through Thursday"), "weekdays", "weekends" and
 * "daily" / "every day". Returns null when it finds no day at all, so a diagram can show the text alone rather
 * than a week with no sessions.
 */
export const WEEK = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

const DAY = String.raw`(Mon(?:day)?|Tue(?:s|sday)?|Wed(?:s|nesday)?|Thu(?:r|rs|rsday)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)s?\.?`;
const RANGE = new RegExp(String.raw`\b${DAY}(?:\s*(?:to|through|thru|until|–|—|-)\s*${DAY})?(?![A-Za-z])`, "g");

function dayIndex(word: string): number {
  return WEEK.findIndex((d) => d.slice(0, 3) === word.slice(0, 3));
}

export function scheduleDays(schedule: string): boolean[] | null {
  const on = WEEK.map(() => false);
  let found = false;
  const mark = (from: number, to: number) => {
    for (let i = from; ; i = (i + 1) % 7) {
      on[i] = true;
      if (i === to) break;
    }
    found = true;
  };
  if (/\b(daily|every ?day|seven days)\b/i.test(schedule)) mark(0, 6);
  if (/\bweekdays\b/i.test(schedule)) mark(0, 4);
  if (/\bweekends?\b/i.test(schedule)) mark(5, 6);
  for (const m of schedule.matchAll(RANGE)) {
    const from = dayIndex(m[1]);
    mark(from, m[2] ? dayIndex(m[2]) : from);
  }
  return found ? on : null;
}
