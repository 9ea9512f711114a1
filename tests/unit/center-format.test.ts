import { describe, expect, it } from "vitest";
import { center } from "@/content/center";
import type { Center } from "@/lib/center/schema";
import { responseTimePhrase } from "@/lib/center/format";

const withResponse = (hours: number, open = "08:00", close = "20:00"): Center => ({
  ...structuredClone(center),
  responseTimeBusinessHours: hours,
  hours: [{ days: "Monday to Friday", open, close, dayOfWeek: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] }],
});

describe("responseTimePhrase", () => {
  it.each([
    [4, "by the end of the next business day"],
    [12, "by the end of the next business day"],
    [13, "within 2 business days"],
    [24, "within 2 business days"],
    [25, "within 3 business days"],
  ])("%i business hours on a 12-hour admissions day → %s", (hours, phrase) => {
    expect(responseTimePhrase(withResponse(hours), "en")).toBe(phrase);
  });

  it("counts days by the shortest weekday admissions is open, so it never promises sooner than the config", () => {
    const c = withResponse(24);
    c.hours = [
      { days: "Monday to Thursday", open: "08:00", close: "20:00", dayOfWeek: ["Monday", "Tuesday", "Wednesday", "Thursday"] },
      { days: "Friday", open: "09:00", close: "17:00", dayOfWeek: ["Friday"] },
      { days: "Saturday", open: "09:00", close: "11:00", dayOfWeek: ["Saturday"] },
    ];
    expect(responseTimePhrase(c, "en")).toBe("within 3 business days");
  });
});
