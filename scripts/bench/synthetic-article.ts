// Synthetic articles for the build-scale benchmark: valid frontmatter (lib/content/schema.ts), about 900 plain words,
// 5 headings (## and ###), a GFM table, a list, internal links to other synthetic slugs and /contact, 3 https
// references and <Cite /> calls, as content/en/WRITING.md describes. Deterministic for a given index.

/** Small deterministic PRNG (mulberry32), so every run writes the same articles. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  "sleep",
  "work",
  "school",
  "family time",
  "money",
  "cravings",
  "stress",
  "meals",
  "exercise",
  "friends",
  "court dates",
  "child care",
  "travel",
  "holidays",
  "phone use",
];
const SENTENCES = [
  "You can talk about {t} with your counselor in your next session.",
  "Many people find that {t} gets easier after the first few weeks.",
  "Write down one small goal for {t} and look at it each morning.",
  "Your group may have ideas about {t} that you have not tried yet.",
  "It is normal to have good days and hard days with {t}.",
  "Ask your team how the program can fit around {t}.",
  "A plan for {t} works best when it is short and clear.",
  "If {t} feels hard to handle, say so early rather than late.",
  "Some people bring a family member to talk about {t}.",
  "Your care plan can change as your needs with {t} change.",
  "Small steps with {t} add up over a month or two.",
  "Try to keep the same routine for {t} on most days.",
  "You do not have to sort out {t} alone.",
  "Check in with yourself about {t} at the end of each day.",
  "Notice what helps with {t} and do more of it.",
  "When your schedule changes because of {t}, tell your counselor so the team can adjust your treatment plan together.",
  "Many programs offer evening groups, which can make it easier to keep up with {t} while you continue your recovery.",
  "Family members often have questions about {t}, and a family session is a good place to talk about them openly.",
  "Your counselor may suggest practical strategies for {t}, such as planning ahead and noticing early warning signs.",
  "Recovery usually takes time, so it helps to be patient with yourself as you work on {t} and other daily routines.",
];
const HEADINGS = [
  "What to expect",
  "How the first week goes",
  "Planning around your week",
  "Talking with your team",
  "When things get hard",
  "Questions people often ask",
  "Keeping track of progress",
  "Support at home",
  "After the program ends",
];
const CATEGORIES = ["basics", "treatment", "evidence", "planning", "families", "professionals"];

export const syntheticSlug = (i: number) => `synthetic-${String(i).padStart(4, "0")}`;

/** One article of about 900 words: 5 headings (## and ###), a table, a list, internal links, 3 references. */
export function syntheticArticle(i: number, total: number): string {
  const r = rng(i + 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const topic = TOPICS[i % TOPICS.length];
  const other = (k: number) => syntheticSlug((i + k) % total);
  const related = total > 1 ? [...new Set([other(1), other(2), other(3)])].filter((s) => s !== syntheticSlug(i)).slice(0, 3) : [];
  const paragraph = (n: number) =>
    Array.from({ length: n }, () => pick(SENTENCES).replace("{t}", pick(TOPICS)))
      .join(" ")
      .replace(/^./, (c) => c.toUpperCase());
  const headings = [...HEADINGS].sort(() => r() - 0.5).slice(0, 5);
  const body: string[] = [];
  const words = () => body.join(" ").split(/\s+/).filter(Boolean).length;
  headings.forEach((h, k) => {
    body.push(`${k === 2 || k === 4 ? "###" : "##"} ${h}`, "");
    body.push(`${paragraph(5)} <Cite n={${(k % 3) + 1}} />`, "");
    if (k === 1) {
      body.push("| Part of the week | What happens | About how long |", "| --- | --- | --- |");
      body.push(
        "| Group session | You talk and learn with others | 3 hours |",
        "| One-on-one time | You meet your counselor | 1 hour |",
        "| Family session | Your family joins in | 1 hour |",
        "",
      );
    }
    if (k === 2)
      body.push(
        `- Bring a list of your questions about ${topic}.`,
        "- Ask who to call if a session has to move.",
        "- Keep your phone numbers in one place.",
        "",
      );
    if (k === 3 && related.length) body.push(`You can read more in [this related guide](/articles/${related[0]}) or [reach our team](/contact).`, "");
    body.push(paragraph(6), "");
  });
  while (words() < 990) body.push(paragraph(4), "");
  body.push(`If you have questions, [contact us](/contact) and we will call you back.`, "");
  const cat = CATEGORIES[i % CATEGORIES.length];
  const ref = (k: number) => [
    `  - title: "Synthetic reference ${k} for article ${i}: a plain guide"`,
    `    publisher: "Example Health Publisher ${k}"`,
    `    year: ${2010 + ((i + k) % 15)}`,
    `    url: "https://example.org/references/${i}/${k}"`,
  ];
  return [
    "---",
    `title: "Synthetic guide ${i}: living with ${topic} during treatment"`,
    `description: "A plain synthetic guide number ${i} about ${topic} during an outpatient program, for build benchmarks."`,
    `summary: "This synthetic article ${i} talks about ${topic} in plain words. It exists to measure how the build scales."`,
    `category: ${cat}`,
    "kind: article",
    `order: ${100 + (i % 800)}`,
    'published: "2026-11-27"',
    'updated: "2026-11-27"',
    'lastReviewed: "2026-11-27"',
    `related: [${related.join(", ")}]`,
    "references:",
    ...ref(1),
    ...ref(2),
    ...ref(3),
    "---",
    "",
    ...body,
  ].join("\n");
}
