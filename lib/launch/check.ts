import { center } from "@/content/center";
import { loadArticles } from "@/lib/content/load";
import { locales } from "@/lib/i18n/locales";
import { articleFindings, configFindings, type LaunchFinding } from "./placeholders";

/** Everything still standing in for the real center: the config's stand-ins and every locale's articles. */
export function launchFindings(today: Date): LaunchFinding[] {
  return [...configFindings(center), ...locales.flatMap((l) => articleFindings(loadArticles(l), today))];
}
