import { useId, type ReactNode } from "react";

/**
 * Shared pieces of the article diagrams: a figure with two inline SVG layouts (one for phones, one for wider
 * screens; CSS shows exactly one, the other is display:none so it is neither seen nor read), and text helpers.
 *
 * Colours never live in the SVG: elements carry the role classes below (d-ink, d-box, …), and app/globals.css
 * maps them to light, dark, print and forced-colors palettes under `.diagram`.
 */

/** Width of the phone layout's viewBox: about the article column at 390 px, so 14 units draw as about 14 px. */
export const NARROW = 360;
/** Width of the wide layout's viewBox: the article column is 608–736 px wide when it shows. */
export const WIDE = 680;

export interface Layout {
  height: number;
  body: ReactNode;
}

/**
 * Rough advance width of a string, in em. Tuned on DejaVu Sans (the widest common fallback for system-ui), so
 * text measured here fits on any reader's system font.
 */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (/[ .,:;'’!|()[\]ijlft\-]/.test(ch)) em += 0.36;
    else if (/[mwMW]/.test(ch)) em += 0.92;
    else if (/[A-ZÁÉÍÓÚÑÜ]/.test(ch)) em += 0.72;
    else em += 0.62;
  }
  return em * fontSize * (bold ? 1.1 : 1);
}

/** Greedy word wrap to a width in user units. A single word longer than the width gets a line of its own. */
export function wrap(text: string, width: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize, bold) > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Multi-line SVG text; `y` is the first baseline. */
export function Lines({
  x,
  y,
  lines,
  size,
  lineHeight = Math.round(size * 1.35),
  className = "d-ink",
  bold = false,
  anchor,
}: {
  x: number;
  y: number;
  lines: string[];
  size: number;
  lineHeight?: number;
  className?: string;
  bold?: boolean;
  anchor?: "start" | "middle" | "end";
}) {
  return (
    <text x={x} y={y} fontSize={size} fontWeight={bold ? 700 : undefined} className={className} textAnchor={anchor}>
      {lines.map((l, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : lineHeight}>
          {l}
        </tspan>
      ))}
    </text>
  );
}

/** A tick drawn as a path, so it needs no font glyph (and prints and forces colours like any stroke). */
export function Check({ x, y, size = 12, className = "d-hi-stroke" }: { x: number; y: number; size?: number; className?: string }) {
  const s = size / 12;
  return (
    <path
      d={`M${x - 6 * s} ${y} l${4 * s} ${4 * s} l${8 * s} ${-9 * s}`}
      className={className}
      fill="none"
      strokeWidth={2.5}
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  );
}

/** A downward arrow from (x, y1) to (x, y2). */
export function ArrowDown({ x, y1, y2 }: { x: number; y1: number; y2: number }) {
  return (
    <g className="d-line">
      <line x1={x} y1={y1} x2={x} y2={y2 - 1} strokeWidth={2} />
      <path d={`M${x - 5} ${y2 - 7} L${x} ${y2} L${x + 5} ${y2 - 7}`} fill="none" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" />
    </g>
  );
}

/**
 * The figure around a diagram. `title` names it, `desc` is the complete text alternative, `caption` is shown
 * under it. Both layouts carry the same title and description, with ids of their own.
 */
export function DiagramFigure({
  name,
  title,
  desc,
  caption,
  narrow,
  wide,
}: {
  name: string;
  title: string;
  desc: string;
  caption: ReactNode;
  narrow: Layout;
  wide: Layout;
}) {
  const id = `${name}-${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const svg = (variant: "narrow" | "wide", width: number, layout: Layout) => (
    <svg
      role="img"
      aria-labelledby={`${id}-${variant}-title ${id}-${variant}-desc`}
      viewBox={`0 0 ${width} ${Math.ceil(layout.height)}`}
      className={`diagram-${variant}`}
      focusable="false"
    >
      <title id={`${id}-${variant}-title`}>{title}</title>
      <desc id={`${id}-${variant}-desc`}>{desc}</desc>
      {layout.body}
    </svg>
  );
  return (
    <figure className={`diagram diagram-${name} not-prose`}>
      {svg("narrow", NARROW, narrow)}
      {svg("wide", WIDE, wide)}
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
