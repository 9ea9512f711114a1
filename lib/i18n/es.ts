import { en } from "./en";
import type { Dictionary } from "./dictionary";

/** The Spanish dictionary: a stand-in (English words) until it is written. */
export const es: Dictionary = { ...en, languageName: "Español" };
