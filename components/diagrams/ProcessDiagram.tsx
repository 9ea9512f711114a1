import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import type { Dictionary } from "@/lib/i18n/dictionary";
import { ArrowDown, DiagramFigure, Lines, NARROW, WIDE, textWidth, wrap, type Layout } from "./svg";

/**
 * The treatment path, first call to aftercare. Its words are in the dictionary (lib/i18n/diagrams.en.ts).
 */
type Words = Dictionary["diagrams"]["process"];
type Step = Words["steps"][number];

const R = 17; // number circle radius

/** Session kinds as pills that wrap onto new rows; returns the pills and the height they take. */
function pills(parts: readonly string[], x: number, y: number, width: number): { node: ReactNode; height: number } {
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
function layout(steps: readonly Step[], width: number, side: boolean): Layout {
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

export function ProcessDiagram({ locale }: { locale: Locale }) {
  const d = strings(locale).diagrams.process;
  const desc = [d.descIntro, ...d.steps.map((s, i) => d.descStep(i + 1, s.title, s.text, s.parts)), d.note].join(" ");
  return (
    <DiagramFigure
      name="process"
      title={d.title}
      desc={desc}
      caption={d.caption(d.note)}
      narrow={layout(d.steps, NARROW, false)}
      wide={layout(d.steps, WIDE, true)}
    />
  );
}
