/**
 * The names the self-check's markup and its browser module share (no React here: the module bundles this file).
 * The page renders every block the module may show (errors, stage 2, each result) hidden; the module only toggles
 * them, so all the words stay in one place, the page.
 */
export const FORM_ID = "self-check-form";
export const SUMMARY_ID = "self-check-errors";
export const STAGE2_ID = "self-check-stage-2";
export const RESULT_ID = "self-check-result";
export const STATUS_ID = "self-check-status";
/** The posted-to address for browsers without JavaScript: a route of the server entry, never a page. */
export const SELF_CHECK_RESULT_PATH = "/self-check/result";
export const fieldsetId = (name: string) => `sc-${name}`;
export const errorId = (name: string) => `sc-${name}-error`;
/** data-result values: one block per outcome. */
export type ResultKey = "c-negative" | "zone-1" | "zone-2" | "zone-3" | "zone-4" | "minor";
