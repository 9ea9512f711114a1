import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import type { Dictionary } from "@/lib/i18n/dictionary";
import { DiagramFigure, Lines, NARROW, WIDE, textWidth, wrap, type Layout } from "./svg";

/**
 * Levels of care as a ladder, least care at the bottom. Levels and hours (adults) follow the ASAM Criteria, 3rd
 * edition, as levels-of-care.mdx and what-is-iop.mdx state them; IOP is marked as this program.
 */
type Words = Dictionary["diagrams"]["levels"];
type Level = Words["levels"][keyof Words["levels"]] & { current?: boolean };

/** Least care first. */
function levelsOf(d: Words): Level[] {
  const l = d.levels;
  return [l.outpatient, { ...l.iop, current: true }, l.php, l.residential, l.inpatient];
}

function Pill({ here, x, y, anchor = "start" }: { here: string; x: number; y: number; anchor?: "start" | "end" }) {
  const w = textWidth(here, 14, true) + 16;
  const left = anchor === "end" ? x - w : x;
  return (
    <g>
      <rect x={left} y={y} width={w} height={24} rx={12} className="d-canvas" />
      <text x={left + w / 2} y={y + 17} fontSize={14} fontWeight={700} textAnchor="middle" className="d-ink">
        {here}
      </text>
    </g>
  );
}

/** "More care" with an arrow pointing up, or "Less care". */
function End({ label, x, y, up, anchor }: { label: string; x: number; y: number; up: boolean; anchor: "start" | "middle" }) {
  const w = textWidth(label, 15, true);
  const ax = anchor === "middle" ? x - w / 2 - 14 : x;
  const tx = anchor === "middle" ? x - w / 2 + 2 : x + 16;
  return (
    <g>
      <g className="d-accent-stroke" strokeWidth={2.5} fill="none" strokeLinecap="round" strokeLinejoin="round">
        {up ? (
          <path d={`M${ax + 5} ${y + 2} V${y - 14} M${ax} ${y - 9} L${ax + 5} ${y - 14} L${ax + 10} ${y - 9}`} />
        ) : (
          <path d={`M${ax + 5} ${y - 14} V${y + 2} M${ax} ${y - 3} L${ax + 5} ${y + 2} L${ax + 10} ${y - 3}`} />
        )}
      </g>
      <text x={tx} y={y} fontSize={15} fontWeight={700} className="d-accent">
        {label}
      </text>
    </g>
  );
}

/**
 * The rungs, top (most care) to bottom. Each rung is a box; the ladder's rails show in the gaps between them.
 * `side` puts the level, name and detail in three columns instead of stacking them.
 */
function layout(d: Words, width: number, side: boolean): Layout {
  const levels = levelsOf(d);
  const boxX = 0;
  const boxW = width;
  const pad = 14;
  const gap = 18;
  const out: ReactNode[] = [];
  const rungs: ReactNode[] = [];
  let y = 28;
  out.push(<End key="top" label={d.moreCare} x={side ? 0 : width / 2} y={18} up anchor={side ? "start" : "middle"} />);
  // The rails are drawn only where they show, between the rungs, so no fill has to hide them.
  const rails: [number, number][] = [[y - 8, y]];
  for (const l of [...levels].reverse()) {
    const nameX = side ? boxX + pad + 104 : boxX + pad;
    const nameW = side ? 250 : boxW - 2 * pad;
    const detailX = side ? nameX + nameW + 18 : boxX + pad;
    const detailW = side ? boxX + boxW - pad - detailX : boxW - 2 * pad;
    const name = wrap(l.name, nameW, 17, true);
    const detail = wrap(l.detail, detailW, 15);
    const ink = l.current ? "d-on-hi" : "d-ink";
    const muted = l.current ? "d-on-hi" : "d-muted";
    let h: number;
    const g: ReactNode[] = [];
    if (side) {
      const nameH = name.length * 22 + (l.current ? 32 : 0);
      h = Math.max(nameH, detail.length * 20, 22) + 2 * pad;
      g.push(<Lines key="lv" x={boxX + pad} y={y + pad + 16} lines={[l.level]} size={15} bold className={ink} />);
      g.push(<Lines key="nm" x={nameX} y={y + pad + 16} lines={name} size={17} lineHeight={22} bold className={ink} />);
      g.push(<Lines key="dt" x={detailX} y={y + pad + 15} lines={detail} size={15} lineHeight={20} className={muted} />);
      if (l.current) g.push(<Pill key="p" here={d.here} x={nameX} y={y + pad + name.length * 22 + 4} />);
    } else {
      h = 2 * pad + 22 + name.length * 22 + detail.length * 20 + 4;
      g.push(<Lines key="lv" x={boxX + pad} y={y + pad + 14} lines={[l.level]} size={15} bold className={ink} />);
      if (l.current) g.push(<Pill key="p" here={d.here} x={boxX + boxW - pad + 4} y={y + pad - 3} anchor="end" />);
      g.push(<Lines key="nm" x={nameX} y={y + pad + 22 + 17} lines={name} size={17} lineHeight={22} bold className={ink} />);
      g.push(<Lines key="dt" x={detailX} y={y + pad + 22 + name.length * 22 + 17} lines={detail} size={15} lineHeight={20} className={muted} />);
    }
    rungs.push(
      <g key={l.level}>
        {l.current ? (
          <rect x={boxX + 1.5} y={y + 1.5} width={boxW - 3} height={h - 3} rx={8} className="d-hi" strokeWidth={3} />
        ) : (
          <rect x={boxX + 1} y={y + 1} width={boxW - 2} height={h - 2} rx={8} className="d-box" strokeWidth={1.5} />
        )}
        {g}
      </g>,
    );
    y += h + gap;
    rails.push([y - gap, y - (l === levels[0] ? gap - 8 : 0)]);
  }
  const railInset = side ? 60 : 36;
  out.push(
    <g key="rails" className="d-line" strokeWidth={4}>
      {rails.flatMap(([a, b], i) => [
        <line key={`l${i}`} x1={railInset} x2={railInset} y1={a} y2={b} />,
        <line key={`r${i}`} x1={width - railInset} x2={width - railInset} y1={a} y2={b} />,
      ])}
    </g>,
  );
  y = y - gap + 8 + 24;
  out.push(...rungs);
  out.push(<End key="bottom" label={d.lessCare} x={side ? 0 : width / 2} y={y} up={false} anchor={side ? "start" : "middle"} />);
  return { height: y + 6, body: <>{out}</> };
}

export function LevelsLadder({ locale }: { locale: Locale }) {
  const d = strings(locale).diagrams.levels;
  const desc = [d.descIntro, ...levelsOf(d).map((l) => d.descLevel(l.level, l.name, l.detail, l.current ? d.here : null))].join(" ");
  return <DiagramFigure name="levels" title={d.title} desc={desc} caption={d.caption} narrow={layout(d, NARROW, false)} wide={layout(d, WIDE, true)} />;
}
