import type { ReactNode } from "react";
import { ArrowDown, DiagramFigure, Lines, NARROW, WIDE, textWidth, wrap, type Layout } from "./svg";

/**
 * The treatment path, first call to aftercare. Wording follows iop-treatment-process.mdx and
 * admissions-what-to-expect.mdx; change it there first.
 */
const steps: { title: string; text: string; parts?: string[] }[] = [
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
];

const note = "Steps often overlap, and your plan can change as you go. If you need more support, care can step back up.";

const desc =
  "The steps of treatment, in order. " +
  steps.map((s, i) => `Step ${i + 1}, ${s.title}: ${s.text}${s.parts ? ` ${s.parts.join(", ")}.` : ""}`).join(" ") +
  ` ${note}`;

const R = 17; // number circle radius

/** Session kinds as pills that wrap onto new rows; returns the pills and the height they take. */
function pills(parts: string[], x: number, y: number, width: number): { node: ReactNode; height: number } {
  const size = 14;
  const h = 28;
  const gap = 8;
  let cx = x;
  let cy = y;
  const out: ReactNode[] = [];
  for (const p of parts) {
    const w = textWidth(p, size) + 24;
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += h + gap;
    }
    out.push(
      <g key={p}>
        <rect x={cx} y={cy} width={w} height={h} rx={14} className="d-box" strokeWidth={1.5} />
        <text x={cx + w / 2} y={cy + 19} fontSize={size} textAnchor="middle" className="d-ink">
          {p}
        </text>
      </g>,
    );
    cx += w + gap;
  }
  return { node: <>{out}</>, height: cy + h - y };
}

/**
 * One step per row: a numbered circle on a line running down the left, the step's name, what happens, and (for
 * the IOP step) the kinds of session. `side` puts the name beside the text instead of above it.
 */
function layout(width: number, side: boolean): Layout {
  const cx = R + 2;
  const textX = cx + R + 14;
  const titleW = side ? 190 : width - textX;
  const bodyX = side ? textX + titleW + 16 : textX;
  const bodyW = width - bodyX - 2;
  const rows: ReactNode[] = [];
  let y = 2;
  steps.forEach((s, i) => {
    const title = wrap(s.title, titleW, 17, true);
    const body = wrap(s.text, bodyW, 15);
    const titleH = title.length * 22;
    const bodyTop = side ? y + 8 : y + 8 + titleH;
    const bodyH = body.length * 20;
    const p = s.parts ? pills(s.parts, bodyX, bodyTop + bodyH + 4, bodyW) : null;
    const contentH = Math.max(side ? Math.max(titleH, bodyH + (p ? p.height + 4 : 0)) : titleH + bodyH + (p ? p.height + 4 : 0), 2 * R - 8);
    rows.push(
      <g key={s.title}>
        <circle cx={cx} cy={y + R} r={R} className="d-hi" />
        <text x={cx} y={y + R + 6} fontSize={17} fontWeight={700} textAnchor="middle" className="d-on-hi">
          {i + 1}
        </text>
        <Lines x={textX} y={y + 22} lines={title} size={17} lineHeight={22} bold />
        <Lines x={bodyX} y={(side ? y + 8 : bodyTop) + 14} lines={body} size={15} lineHeight={20} className="d-muted" />
        {p?.node}
      </g>,
    );
    const next = y + 8 + contentH + 26;
    if (i < steps.length - 1) rows.push(<ArrowDown key={`a${i}`} x={cx} y1={y + 2 * R + 4} y2={next - 4} />);
    y = next;
  });
  return { height: y - 22, body: <>{rows}</> };
}

export function ProcessDiagram() {
  return (
    <DiagramFigure
      name="process"
      title="The treatment process, from first call to aftercare"
      desc={desc}
      caption={<>From your first call to aftercare. {note}</>}
      narrow={layout(NARROW, false)}
      wide={layout(WIDE, true)}
    />
  );
}
