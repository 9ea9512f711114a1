import type { Center } from "./schema";

/** "08:00" → "8:00 a.m." in the plain style AP and US health sites use. */
function formatTime(hhmm: string): string {
  const [h, m] = hhmm.split(":").map(Number);
  const suffix = h < 12 ? "a.m." : "p.m.";
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${String(m).padStart(2, "0")} ${suffix}`;
}

export function formatHours(h: Center["hours"][number]): string {
  return `${h.days}: ${formatTime(h.open)} to ${formatTime(h.close)}`;
}
