import type { ReactNode } from "react";
import { center } from "@/content/center";
import { Check, DiagramFigure, Lines, NARROW, WIDE, listJoin, textWidth, wrap, type Layout } from "./svg";
import { WEEK, scheduleDays } from "./schedule-days";

/**
 * An example week: one row per track in content/center.ts, with its schedule text and hours, and a chip for each
 * day of the week, marked where the schedule text names that day. Nothing here is typed in by hand: change the
 * tracks in the config and the diagram follows.
 */
const tracks = center.tracks.map((t) => ({ ...t, days: scheduleDays(t.schedule) }));

const hours = (n: number) => `${n} hours a week`;

const desc =
  "Example week. " +
  tracks
    .map((t) => {
      const base = `${t.name}, ${hours(t.hoursPerWeek)}: ${t.schedule.replace(/\.$/, "")}.`;
      if (!t.days) return base;
      const on = WEEK.filter((_, i) => t.days![i]);
      const off = WEEK.filter((_, i) => !t.days![i]);
      return `${base} Sessions on ${listJoin([...on])}${off.length ? `; no sessions on ${listJoin([...off])}` : ""}.`;
    })
    .join(" ");

/** The "Example week" label and a key to the chips, on one line or (on a phone) two. */
function Header({ width, stacked }: { width: number; stacked: boolean }) {
  const keyY = stacked ? 34 : 4;
  const off = textWidth("No sessions", 14) + 30;
  const on = textWidth("Sessions", 14) + 30;
  const x0 = stacked ? 0 : width - on - 16 - off;
  return (
    <>
      <text x={0} y={20} fontSize={19} fontWeight={700} className="d-ink">
        Example week
      </text>
      <rect x={x0} y={keyY} width={22} height={20} rx={4} className="d-hi" />
      <Check x={x0 + 11} y={keyY + 10} size={10} />
      <text x={x0 + 30} y={keyY + 15} fontSize={14} className="d-muted">
        Sessions
      </text>
      <rect x={x0 + on + 16} y={keyY + 1} width={22} height={18} rx={4} className="d-off" strokeWidth={1.5} />
      <text x={x0 + on + 46} y={keyY + 15} fontSize={14} className="d-muted">
        No sessions
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
function narrow(): Layout {
  const W = NARROW;
  const pitch = (W - 2 + 6) / 7;
  const chipW = pitch - 6;
  const out: ReactNode[] = [<Header key="h" width={W} stacked />];
  let y = 68;
  tracks.forEach((t, ti) => {
    if (ti > 0) out.push(<line key={`s${ti}`} x1={0} x2={W} y1={y - 10} y2={y - 10} className="d-line" strokeWidth={1} />);
    const sameLine = textWidth(t.name, 17, true) + textWidth(hours(t.hoursPerWeek), 15) + 16 < W;
    out.push(<Lines key={`n${ti}`} x={0} y={y + 18} lines={[t.name]} size={17} bold />);
    out.push(
      <text key={`h${ti}`} x={sameLine ? W - 1 : 0} y={sameLine ? y + 18 : y + 40} fontSize={15} textAnchor={sameLine ? "end" : "start"} className="d-muted">
        {hours(t.hoursPerWeek)}
      </text>,
    );
    y += sameLine ? 30 : 52;
    if (t.days) {
      WEEK.forEach((d, i) => out.push(<Chip key={`${ti}-${d}`} x={1 + i * pitch} y={y} w={chipW} h={48} on={t.days![i]} label={d.slice(0, 3)} />));
      y += 48 + 8;
    }
    const lines = wrap(t.schedule, W, 15);
    out.push(<Lines key={`t${ti}`} x={0} y={y + 15} lines={lines} size={15} lineHeight={20} className="d-muted" />);
    y += lines.length * 20 + 28;
  });
  return { height: y - 20, body: <>{out}</> };
}

/** Wide layout: a grid, tracks down the side, Monday to Sunday across the top. */
function wide(): Layout {
  const W = WIDE;
  const labelW = 270;
  const gridX = labelW + 14;
  const pitch = (W - 1 - gridX + 8) / 7;
  const cellW = pitch - 8;
  const out: ReactNode[] = [<Header key="h" width={W} stacked={false} />];
  const headY = 58;
  WEEK.forEach((d, i) =>
    out.push(
      <text key={d} x={gridX + i * pitch + cellW / 2} y={headY} fontSize={15} fontWeight={700} textAnchor="middle" className="d-ink">
        {d.slice(0, 3)}
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
    out.push(<Lines key={`h${ti}`} x={0} y={top + 39} lines={[hours(t.hoursPerWeek)]} size={15} />);
    out.push(<Lines key={`t${ti}`} x={0} y={top + 61} lines={lines} size={15} lineHeight={20} className="d-muted" />);
    if (t.days) {
      const cy = top + (rowH - 52) / 2;
      WEEK.forEach((d, i) => out.push(<Chip key={`${ti}-${d}`} x={gridX + i * pitch} y={cy} w={cellW} h={52} on={t.days![i]} />));
    } else {
      out.push(<Lines key={`x${ti}`} x={gridX} y={top + 17} lines={wrap("See the schedule for the days.", W - gridX, 15)} size={15} className="d-muted" />);
    }
    y = top + rowH + 14;
  });
  out.push(<line key="end" x1={0} x2={W} y1={y} y2={y} className="d-line" strokeWidth={1} />);
  return { height: y + 2, body: <>{out}</> };
}

export function WeekDiagram() {
  return (
    <DiagramFigure
      name="week"
      title="Example week: the days each program track meets"
      desc={desc}
      caption={
        <>Example week on each of our program tracks, with the days, times and hours from our current schedule. Your own plan is set with your care team.</>
      }
      narrow={narrow()}
      wide={wide()}
    />
  );
}
