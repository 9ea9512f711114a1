/**
 * Words of the article diagrams (English). Wording follows the articles they illustrate (iop-treatment-process,
 * admissions-what-to-expect, how-long-does-iop-last, levels-of-care, what-is-iop); change it there first.
 */
export const diagrams = {
  /** "Monday, Tuesday and Friday" */
  list: (items: readonly string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`),
  process: {
    title: "The treatment process, from first call to aftercare",
    steps: [
      { title: "First call", text: "Ask your questions. Intake checks that IOP is safe for you." },
      { title: "Assessment", text: "A private talk with a clinician about six areas of your life." },
      { title: "Treatment plan", text: "You and your team set goals together, in your own words." },
      {
        title: "IOP sessions",
        text: "A few hours a day, on several days a week, while you live at home:",
        parts: ["Group", "Individual", "Family", "Medication, if needed"],
      },
      { title: "Stepping down", text: "Fewer hours each week as you get steadier." },
      { title: "Aftercare and relapse prevention", text: "A plan for triggers and cravings, with support groups and check-ins." },
    ] as { title: string; text: string; parts?: string[] }[],
    note: "Steps often overlap, and your plan can change as you go. If you need more support, care can step back up.",
    descIntro: "The steps of treatment, in order.",
    descStep: (n: number, title: string, text: string, parts: readonly string[] | undefined) =>
      `Step ${n}, ${title}: ${text}${parts ? ` ${parts.join(", ")}.` : ""}`,
    caption: (note: string) => `From your first call to aftercare. ${note}`,
  },
  week: {
    title: "Example week: the days each program track meets",
    label: "Example week",
    sessions: "Sessions",
    noSessions: "No sessions",
    /** Day names, Monday first, and their short forms on the chips. */
    days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    shortDays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    hours: (n: number) => `${n} hours a week`,
    descIntro: "Example week.",
    descTrack: (name: string, hours: string, schedule: string) => `${name}, ${hours}: ${schedule.replace(/\.$/, "")}.`,
    descDays: (on: string, off: string | null) => `Sessions on ${on}${off ? `; no sessions on ${off}` : ""}.`,
    caption: "Example week on each of our program tracks, with the days, times and hours from our current schedule. Your own plan is set with your care team.",
  },
  taper: {
    title: "How weekly hours taper off: an illustration, not a fixed schedule",
    flag: "Illustration, not a fixed schedule",
    phases: {
      early: { label: "Early", text: "Full IOP schedule: 9 or more hours a week." },
      middle: { label: "Middle", text: "Full schedule, for as long as you need it." },
      steppingDown: { label: "Stepping down", text: "Fewer days or shorter sessions. A short taper can still count as IOP." },
      outpatient: { label: "Outpatient", text: "Fewer than 9 hours a week, often one or two sessions." },
      aftercare: { label: "Aftercare", text: "Support groups, check-ins, recovery coaching or alumni groups." },
    },
    groups: { iop: "IOP (ASAM Level 2.1)", outpatient: "Standard outpatient (Level 1)", aftercare: "After formal treatment" },
    lineLabel: "9 hours a week: the IOP minimum for adults",
    nineHours: "9 hours",
    legend: "Bars show hours each week. The dashed line marks 9 hours a week, the IOP minimum for adults.",
    axis: "Hours each week",
    outpatientLevel: "Level 1",
    time: "Time → (how long each phase lasts differs for each person)",
    desc: (flag: string, phases: string) =>
      `${flag}. How weekly hours in treatment usually go down over time, phase by phase. A line marks 9 hours a week, the minimum for IOP (ASAM Level 2.1) for adults. ${phases} The length of each phase differs from person to person.`,
    descPhase: (label: string, group: string, text: string) => `${label} (${group}): ${text}`,
    caption: (flag: string) =>
      `${flag}. Weekly hours usually go down in stages, from a full IOP schedule to outpatient care and then aftercare. How long each stage lasts depends on you.`,
  },
  levels: {
    title: "Levels of care, from outpatient to inpatient",
    levels: {
      outpatient: { level: "Level 1", name: "Outpatient", detail: "Under 9 hours a week. You live at home." },
      iop: { level: "Level 2.1", name: "Intensive outpatient (IOP)", detail: "9 or more hours a week. You live at home." },
      php: { level: "Level 2.5", name: "Partial hospitalization (PHP)", detail: "20 or more hours a week. You live at home." },
      residential: { level: "Level 3", name: "Residential", detail: "A 24-hour setting: you live on site, with staff day and night." },
      inpatient: { level: "Level 4", name: "Medically managed inpatient", detail: "24-hour medical and nursing care in a hospital." },
    },
    here: "This program",
    moreCare: "More care",
    lessCare: "Less care",
    descIntro: "Levels of care from least to most care, with hours for adults.",
    descLevel: (level: string, name: string, detail: string, here: string | null) => `${level}, ${name}${here ? ` (${here.toLowerCase()})` : ""}: ${detail}`,
    caption:
      "Levels of care under the ASAM Criteria (3rd edition), from least to most care. Hours are for adults. This program is intensive outpatient, Level 2.1.",
  },
} as const;
