import { describe, expect, it } from "vitest";
import { loadArticles } from "@/lib/content/load";
import { readerText } from "@/lib/content/markdown";
import { locales, type Locale } from "@/lib/i18n/locales";

/**
 * The center's tracks and their times come only from the config (<CenterTracks />, <WeekDiagram />). A sentence that
 * ties a track to a time of day ("An evening on your track", "A day track can suit…") offers a track the center may
 * not have, and goes wrong as soon as the config changes.
 */
const trackWord: Record<Locale, RegExp> = { en: /\btracks?\b/i, es: /\bturnos?\b/i };
const timeOfDay: Record<Locale, RegExp> = {
  en: /\b(?:mornings?|afternoons?|evenings?|nights?|daytime|day tracks?)\b/i,
  es: /(?<!\p{L})(?:mañanas?|tardes?|noches?|turnos? de día)(?!\p{L})/iu,
};

/** Each heading, table cell or sentence a reader sees. */
const sentencesOf = (body: string) =>
  readerText(body)
    .split(/\n+|(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);

function tracksByTimeOfDay(locale: Locale, body: string): string[] {
  return sentencesOf(body).filter((s) => trackWord[locale].test(s) && timeOfDay[locale].test(s));
}

describe("articles name no track by its time of day (tracks come from the config)", () => {
  it("flags a sentence that does", () => {
    expect(tracksByTimeOfDay("en", "### An evening on your track\n\nYou check in.")).toEqual(["An evening on your track"]);
    expect(tracksByTimeOfDay("en", "A day track can suit people on leave.")).toHaveLength(1);
    expect(tracksByTimeOfDay("es", "### Una tarde en su turno\n\nUsted llega.")).toEqual(["Una tarde en su turno"]);
    expect(tracksByTimeOfDay("en", "### A session on your track\n\nA hard evening at home.")).toEqual([]);
  });

  for (const locale of locales) {
    it(`${locale}: no article ties a track to a time of day`, { timeout: 30_000 }, () => {
      const found = loadArticles(locale).flatMap((a) => tracksByTimeOfDay(locale, a.body).map((s) => `${a.file}: ${s}`));
      expect(found).toEqual([]);
    });
  }
});
