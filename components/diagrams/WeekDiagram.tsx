import type { ReactNode } from "react";
import { center } from "@/content/center";
import type { Locale } from "@/lib/i18n/locales";
import { strings } from "@/lib/i18n/strings";
import type { Dictionary } from "@/lib/i18n/dictionary";
import { Check, DiagramFigure, Lines, NARROW, WIDE, textWidth, wrap, type Layout } from "./svg";
import { weekDays } from "@/lib/center/schema";
import { trackSchedule } from "@/lib/center/format";

/**
 * An example week: one row per track in content/center.ts, with its schedule and hours, and a chip for each day
 * of the week, marked on the track's days. Nothing here is typed in by hand: change the tracks in the config and
 * the diagram follows.
 */
interface Row {
  name: string;
  hoursPerWeek: number;
  schedule: string;
  /** One flag per day, Monday first: does the track meet that day? */
  on: boolean[];
}

const rows = (locale: Locale): Row[] =>
  center.tracks.map((t) => ({
    name: t.name[locale],
    hoursPerWeek: t.hoursPerWeek,
    schedule: trackSchedule(t, locale),
    on: weekDays.map((day) => t.days.includes(day)),
  }));

type Words = Dictionary["diagrams"]["week"];

function describe(d: Words, tracks: Row[], list: (items: readonly string[]) => string): string {
  const parts = tracks.map((t) => {
    const on = d.days.filter((_, i) => t.on[i]);
    const off = d.days.filter((_, i) => !t.on[i]);
    return `${d.descTrack(t.name, d.hours(t.hoursPerWeek), t.schedule)} ${d.descDays(list(on), off.length ? list(off) : null)}`;
  });
  return [d.descIntro, ...parts].join(" ");
}

/** The "Example week" label and a key to the chips, on one line or (on a phone) two. */
function Header({ d, width, stacked }: { d: Words; width: number; stacked: boolean }) {
  const keyY = stacked ? 34 : 4;
  const off = textWidth(d.noSessions, 14) + 30;
  const on = textWidth(d.sessions, 14) + 30;
  const x0 = stacked ? 0 : width - on - 16 - off;
  return (
    <>
      <text x={0} y={20} fontSize={19} fontWeight={700} className="d-ink">
        {d.label}
      </text>
      <rect x={x0} y={keyY} width={22} height={20} rx={4} className="d-hi" />
      <Check x={x0 + 11} y={keyY + 10} size={10} />
      <text x={x0 + 30} y={keyY + 15} fontSize={14} className="d-muted">
        {d.sessions}
      </text>
      <rect x={x0 + on + 16} y={keyY + 1} width={22} height={18} rx={4} className="d-off" strokeWidth={1.5} />
      <text x={x0 + on + 46} y={keyY + 15} fontSize={14} className="d-muted">
        {d.noSessions}
      </text>
    </>
  );
}

/** A day chip: filled with a tick when the track meets, a dashed outline when it does not. */
function Chip({ x, y, w, h, on, label }: { x: number; y: number; w: number; h: number; on: boolean; label?: string }) {
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={6} className={on ? "d-hi" : "d-off"} strokeWidth={on ? 2 : 1.5} />
      {label ? (
        <text x={x + w / 2} y={y + 19} fontSize={14} fontWeight={on ? 700 : undefined} textAnchor="middle" className={on ? "d-on-hi" : "d-muted"}>
          {label}
        </text>
      ) : null}
      {on ? <Check x={x + w / 2} y={label ? y + h - 15 : y + h / 2} /> : null}
    </g>
  );
}

/** Phone layout: each track is a block with its name and hours, a row of seven day chips, then its schedule. */
function narrow(d: Words, tracks: Row[]): Layout {
  const W = NARROW;
  const pitch = (W - 2 + 6) / 7;
  const chipW = pitch - 6;
  const out: ReactNode[] = [<Header key="h" d={d} width={W} stacked />];
  let y = 68;
  tracks.forEach((t, ti) => {
    if (ti > 0) out.push(<line key={`s${ti}`} x1={0} x2={W} y1={y - 10} y2={y - 10} className="d-line" strokeWidth={1} />);
    const sameLine = textWidth(t.name, 17, true) + textWidth(d.hours(t.hoursPerWeek), 15) + 16 < W;
    out.push(<Lines key={`n${ti}`} x={0} y={y + 18} lines={[t.name]} size={17} bold />);
    out.push(
      <text key={`h${ti}`} x={sameLine ? W - 1 : 0} y={sameLine ? y + 18 : y + 40} fontSize={15} textAnchor={sameLine ? "end" : "start"} className="d-muted">
        {d.hours(t.hoursPerWeek)}
      </text>,
    );
    y += sameLine ? 30 : 52;
    weekDays.forEach((day, i) => out.push(<Chip key={`${ti}-${day}`} x={1 + i * pitch} y={y} w={chipW} h={48} on={t.on[i]} label={d.shortDays[i]} />));
    y += 48 + 8;
    const lines = wrap(t.schedule, W, 15);
    out.push(<Lines key={`t${ti}`} x={0} y={y + 15} lines={lines} size={15} lineHeight={20} className="d-muted" />);
    y += lines.length * 20 + 28;
  });
  return { height: y - 20, body: <>{out}</> };
}

/** Wide layout: a grid, tracks down the side, Monday to Sunday across the top. */
function wide(d: Words, tracks: Row[]): Layout {
  const W = WIDE;
  const labelW = 270;
  const gridX = labelW + 14;
  const pitch = (W - 1 - gridX + 8) / 7;
  const cellW = pitch - 8;
  const out: ReactNode[] = [<Header key="h" d={d} width={W} stacked={false} />];
  const headY = 58;
  weekDays.forEach((day, i) =>
    out.push(
      <text key={day} x={gridX + i * pitch + cellW / 2} y={headY} fontSize={15} fontWeight={700} textAnchor="middle" className="d-ink">
        {d.shortDays[i]}
      </text>,
    ),
  );
  let y = headY + 14;
  tracks.forEach((t, ti) => {
    const lines = wrap(t.schedule, labelW, 15);
    const textH = 22 + 20 + lines.length * 20;
    const rowH = Math.max(textH, 56);
    out.push(<line key={`s${ti}`} x1={0} x2={W} y1={y} y2={y} className="d-line" strokeWidth={1} />);
    const top = y + 14;
    out.push(<Lines key={`n${ti}`} x={0} y={top + 17} lines={[t.name]} size={17} bold />);
    out.push(<Lines key={`h${ti}`} x={0} y={top + 39} lines={[d.hours(t.hoursPerWeek)]} size={15} />);
    out.push(<Lines key={`t${ti}`} x={0} y={top + 61} lines={lines} size={15} lineHeight={20} className="d-muted" />);
    const cy = top + (rowH - 52) / 2;
    weekDays.forEach((day, i) => out.push(<Chip key={`${ti}-${day}`} x={gridX + i * pitch} y={cy} w={cellW} h={52} on={t.on[i]} />));
    y = top + rowH + 14;
  });
  out.push(<line key="end" x1={0} x2={W} y1={y} y2={y} className="d-line" strokeWidth={1} />);
  return { height: y + 2, body: <>{out}</> };
}

export function WeekDiagram({ locale }: { locale: Locale }) {
  const t = strings(locale).diagrams;
  const d = t.week;
  const tracks = rows(locale);
  return <DiagramFigure name="week" title={d.title} desc={describe(d, tracks, t.list)} caption={d.caption} narrow={narrow(d, tracks)} wide={wide(d, tracks)} />;
}
