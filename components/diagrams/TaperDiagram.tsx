import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import type { Dictionary } from "@/lib/i18n/dictionary";
import { DiagramFigure, Lines, NARROW, WIDE, textWidth, wrap, type Layout } from "./svg";

/**
 * How weekly hours taper off, as an illustration: bar heights are relative, not a schedule. The only number on it
 * is the 9-hour IOP minimum for adults (ASAM Level 2.1); the phases follow "How IOP tapers off" in
 * how-long-does-iop-last.mdx. No week counts: the article says there is no single set length.
 */
type Kind = "iop" | "outpatient" | "aftercare";
type Words = Dictionary["diagrams"]["taper"];
type PhaseId = keyof Words["phases"];
const phaseShapes: { id: PhaseId; kind: Kind; value: number }[] = [
  { id: "early", kind: "iop", value: 10.5 },
  { id: "middle", kind: "iop", value: 10.5 },
  { id: "steppingDown", kind: "iop", value: 7 },
  { id: "outpatient", kind: "outpatient", value: 3 },
  { id: "aftercare", kind: "aftercare", value: 1.4 },
];
const MAX = 11.5;
const MIN_LINE = 9;
const groupKinds: Kind[] = ["iop", "outpatient", "aftercare"];

const phasesOf = (d: Words) => phaseShapes.map((p) => ({ ...p, ...d.phases[p.id] }));
const groupsOf = (d: Words) => groupKinds.map((kind) => ({ kind, label: d.groups[kind] }));

/** Solid, outlined or dashed: the kinds differ in shape as well as colour. */
const barClass: Record<Kind, string> = { iop: "d-hi", outpatient: "d-box", aftercare: "d-off" };

function Bar({ x, y, w, h, kind }: { x: number; y: number; w: number; h: number; kind: Kind }) {
  return <rect x={x} y={y} width={w} height={h} rx={3} className={barClass[kind]} strokeWidth={2} />;
}

function Flag({ flag, x = 0, y = 0 }: { flag: string; x?: number; y?: number }) {
  const w = textWidth(flag, 15, true) + 20;
  return (
    <g>
      <rect x={x + 1} y={y + 1} width={w} height={28} rx={4} className="d-off" strokeWidth={1.5} />
      <text x={x + 11} y={y + 20} fontSize={15} fontWeight={700} className="d-ink">
        {flag}
      </text>
    </g>
  );
}

/** Phone layout: phases run down the page, bars grow to the right, grouped by level of care. */
function narrow(d: Words): Layout {
  const phases = phasesOf(d);
  const W = NARROW;
  const x0 = 14;
  const scale = (W - x0 - 4) / MAX;
  const lineX = x0 + MIN_LINE * scale;
  const out: ReactNode[] = [<Flag key="f" flag={d.flag} />];
  let y = 44;
  const legend = wrap(d.legend, W - 2, 14);
  out.push(<Lines key="ll" x={0} y={y + 14} lines={legend} size={14} lineHeight={19} className="d-muted" />);
  y += legend.length * 19 + 14;
  const guides: ReactNode[] = [];
  for (const g of groupsOf(d)) {
    const top = y;
    out.push(<Lines key={g.label} x={0} y={y + 16} lines={[g.label]} size={16} bold className="d-accent" />);
    y += 26;
    for (const p of phases.filter((q) => q.kind === g.kind)) {
      out.push(<Lines key={`l${p.label}`} x={x0} y={y + 15} lines={[p.label]} size={15} bold />);
      y += 22;
      out.push(<Bar key={`b${p.label}`} x={x0} y={y} w={p.value * scale} h={20} kind={p.kind} />);
      if (guides.length === 0)
        guides.push(
          <text key="nine" x={lineX} y={y - 8} fontSize={14} textAnchor="middle" className="d-ink">
            {d.nineHours}
          </text>,
        );
      // A halo in the page colour keeps the dashed line visible where it crosses a bar.
      guides.push(
        <g key={`g${p.label}`}>
          <line x1={lineX} x2={lineX} y1={y - 4} y2={y + 24} className="d-canvas-stroke" strokeWidth={6} />
          <line x1={lineX} x2={lineX} y1={y - 4} y2={y + 24} className="d-line" strokeWidth={2} strokeDasharray="5 4" />
        </g>,
      );
      y += 26;
      const lines = wrap(p.text, W - x0, 14);
      out.push(<Lines key={`t${p.label}`} x={x0} y={y + 14} lines={lines} size={14} lineHeight={19} className="d-muted" />);
      y += lines.length * 19 + 12;
    }
    out.push(<line key={`br${g.label}`} x1={3} x2={3} y1={top + 28} y2={y - 12} className="d-accent-stroke" strokeWidth={3} />);
    y += 10;
  }
  return { height: y - 20, body: <>{[...out, ...guides]}</> };
}

/** Wide layout: a column chart, time running left to right, with a note under each column. */
function wide(d: Words): Layout {
  const phases = phasesOf(d);
  const W = WIDE;
  const axisX = 28;
  const pitch = (W - axisX) / phases.length;
  const barW = pitch - 36;
  const top = 96;
  const base = 330;
  const scale = (base - top) / MAX;
  const yOf = (v: number) => base - v * scale;
  const out: ReactNode[] = [<Flag key="f" flag={d.flag} />];
  // Axes: hours up the side, time along the bottom.
  out.push(
    <g key="axes" className="d-line" strokeWidth={2} fill="none">
      <path d={`M${axisX} ${base} V${top - 36}`} />
      <path d={`M${axisX - 5} ${top - 28} L${axisX} ${top - 36} L${axisX + 5} ${top - 28}`} strokeLinecap="round" strokeLinejoin="round" />
      <path d={`M${axisX} ${base} H${W - 2}`} />
    </g>,
  );
  out.push(
    <text key="yl" fontSize={14} className="d-muted" transform={`translate(${axisX - 10} ${base}) rotate(-90)`}>
      {d.axis}
    </text>,
  );
  const nineY = yOf(MIN_LINE);
  out.push(<line key="nine" x1={axisX} x2={W - 2} y1={nineY} y2={nineY} className="d-line" strokeWidth={2} strokeDasharray="6 5" />);
  out.push(
    <text key="ninel" x={W - 2} y={nineY - 8} fontSize={14} textAnchor="end" className="d-ink">
      {d.lineLabel}
    </text>,
  );
  phases.forEach((p, i) => {
    const x = axisX + i * pitch + (pitch - barW) / 2;
    const y = yOf(p.value);
    out.push(<Bar key={`b${p.label}`} x={x} y={y} w={barW} h={base - y} kind={p.kind} />);
    const cx = axisX + i * pitch + pitch / 2;
    const label = wrap(p.label, pitch - 8, 15, true);
    out.push(<Lines key={`l${p.label}`} x={cx} y={base + 22} lines={label} size={15} lineHeight={19} bold anchor="middle" />);
    const lines = wrap(p.text, pitch - 14, 14);
    out.push(
      <Lines key={`t${p.label}`} x={cx} y={base + 26 + label.length * 19} lines={lines} size={14} lineHeight={19} anchor="middle" className="d-muted" />,
    );
  });
  // Level of care: a bracket over the IOP columns, a label over the outpatient one.
  const iopEnd = axisX + 3 * pitch - 12;
  const bY = yOf(10.5) - 14;
  out.push(<path key="br" d={`M${axisX + 12} ${bY + 7} V${bY} H${iopEnd} V${bY + 7}`} className="d-accent-stroke" fill="none" strokeWidth={2.5} />);
  out.push(
    <text key="brl" x={(axisX + iopEnd) / 2} y={bY - 8} fontSize={16} fontWeight={700} textAnchor="middle" className="d-accent">
      {d.groups.iop}
    </text>,
  );
  const opX = axisX + 3 * pitch + pitch / 2;
  out.push(
    <text key="op" x={opX} y={yOf(3) - 10} fontSize={15} fontWeight={700} textAnchor="middle" className="d-accent">
      {d.outpatientLevel}
    </text>,
  );
  const maxLines = Math.max(...phases.map((p) => wrap(p.label, pitch - 8, 15, true).length * 19 + wrap(p.text, pitch - 14, 14).length * 19));
  const timeY = base + 30 + maxLines + 14;
  out.push(
    <g key="time">
      <text x={(W + axisX) / 2} y={timeY} fontSize={14} textAnchor="middle" className="d-muted">
        {d.time}
      </text>
    </g>,
  );
  return { height: timeY + 6, body: <>{out}</> };
}

export function TaperDiagram({ locale }: { locale: Locale }) {
  const d = strings(locale).diagrams.taper;
  const desc = d.desc(
    d.flag,
    phasesOf(d)
      .map((p) => d.descPhase(p.label, d.groups[p.kind], p.text))
      .join(" "),
  );
  return <DiagramFigure name="taper" title={d.title} desc={desc} caption={d.caption(d.flag)} narrow={narrow(d)} wide={wide(d)} />;
}
