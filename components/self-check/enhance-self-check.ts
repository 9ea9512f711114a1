/**
 * The self-check's browser module (no framework). It scores the answers in the page with the same functions as the
 * no-JavaScript route and shows blocks the page already holds; it sends nothing, stores nothing (no cookie, no web
 * storage), and clears the form when the page comes back from the back/forward cache, so Back never shows answers.
 */
import { parseAnswers, STAGE_FIELD } from "@/lib/self-check/answers";
import type { InstrumentItem } from "@/lib/self-check/instruments/types";
import { outcome } from "@/lib/self-check/score";
import { FORM_ID, RESULT_ID, STAGE2_ID, STATUS_ID, SUMMARY_ID, errorId, fieldsetId, type ResultKey } from "./dom";

/** The parts of the page the module shows, hides and fills in: the server rendered every one of them. */
interface Slots {
  form: HTMLFormElement;
  summary: HTMLElement;
  stage2: HTMLElement;
  result: HTMLElement;
  status: HTMLElement;
  /** The hidden field that tells the no-JavaScript route which stage was answered. */
  stageInput: HTMLInputElement;
}

const byId = (id: string) => document.getElementById(id);

const form = byId(FORM_ID) as HTMLFormElement | null;
if (form) enhance(form);

function enhance(form: HTMLFormElement) {
  const slots = findSlots(form);
  const items = readItems(form);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    scoreAndShow(slots, items);
  });

  // An answer given clears that question's error.
  form.addEventListener("change", (event) => {
    const target = event.target as HTMLInputElement;
    if (target.type === "radio" && !byId(errorId(target.name))?.hidden) setError(slots, target.name, false);
  });

  // "Clear answers" is a reset button: the browser empties the form, and this hides every result and message.
  form.addEventListener("reset", () => {
    clearShown(slots);
    slots.status.textContent = slots.status.dataset.cleared ?? "";
  });

  // Back/forward cache: a page restored from it would still hold the answers and the result.
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) {
      form.reset();
      slots.status.textContent = "";
    }
  });
}

function findSlots(form: HTMLFormElement): Slots {
  return {
    form,
    summary: byId(SUMMARY_ID)!,
    stage2: byId(STAGE2_ID)!,
    result: byId(RESULT_ID)!,
    status: byId(STATUS_ID)!,
    stageInput: form.elements.namedItem(STAGE_FIELD) as HTMLInputElement,
  };
}

/** The published items as the page renders them: each q-field's radios, their values being the points. */
function readItems(form: HTMLFormElement): InstrumentItem[] {
  const items: InstrumentItem[] = [];
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
    if (!/^q\d+$/.test(input.name)) continue;
    let item = items.find((i) => i.id === input.name);
    if (!item) items.push((item = { id: input.name, question: "", choices: [] }));
    (item.choices as { points: number; label: string }[]).push({ points: Number(input.value), label: "" });
  }
  return items;
}

/** Scores the answers as the no-JavaScript route does, and shows what follows: what is missing, stage two, or a result. */
function scoreAndShow(slots: Slots, items: InstrumentItem[]) {
  const { form, summary, stage2, result, stageInput } = slots;
  const parsed = parseAnswers(new FormData(form), items);
  summary.hidden = true;
  if (parsed.minor) {
    result.hidden = true;
    return showResult(slots, "minor", null, false);
  }
  for (const li of summary.querySelectorAll<HTMLElement>("[data-summary-for]"))
    setError(slots, li.dataset.summaryFor!, parsed.missing.includes(li.dataset.summaryFor!));
  if (!parsed.points || !parsed.profile) {
    result.hidden = true;
    summary.hidden = false;
    summary.focus();
    return;
  }
  const o = outcome(parsed.points, parsed.profile);
  if (o.kind === "continue") {
    result.hidden = true;
    stage2.hidden = false;
    stageInput.value = "2";
    stage2.focus();
    return;
  }
  if (o.kind === "c-negative") showResult(slots, "c-negative", o.score, o.withdrawalWarning);
  else showResult(slots, `zone-${o.zone}`, o.score, o.withdrawalWarning);
}

/** Shows or hides one question's error: its message, the fieldset's description, and its line in the summary. */
function setError({ summary }: Slots, name: string, on: boolean) {
  const fieldset = byId(fieldsetId(name));
  const error = byId(errorId(name));
  if (!fieldset || !error) return;
  error.hidden = !on;
  const ids = [fieldset.dataset.hint, on ? errorId(name) : undefined].filter(Boolean).join(" ");
  if (ids) fieldset.setAttribute("aria-describedby", ids);
  else fieldset.removeAttribute("aria-describedby");
  const li = summary.querySelector<HTMLElement>(`[data-summary-for="${name}"]`);
  if (li) li.hidden = !on;
}

/** Hides every result, error and the second stage: the page as it was first shown. */
function clearShown(slots: Slots) {
  slots.summary.hidden = true;
  for (const li of slots.summary.querySelectorAll<HTMLElement>("[data-summary-for]")) setError(slots, li.dataset.summaryFor!, false);
  slots.result.hidden = true;
  slots.stage2.hidden = true;
  slots.stageInput.value = "1";
}

/** Shows the result block for `key`, with its score and the blocks that go with it, and moves focus to it. */
function showResult({ result }: Slots, key: ResultKey, score: number | null, withdrawal: boolean) {
  for (const block of result.querySelectorAll<HTMLElement>("[data-result]")) {
    const on = block.dataset.result === key;
    block.hidden = !on;
    const slot = block.querySelector<HTMLElement>("[data-score]");
    if (slot) slot.textContent = on && score !== null ? String(score) : "";
  }
  const toggle = (name: string, on: boolean) => {
    const el = result.querySelector<HTMLElement>(`[data-block="${name}"]`);
    if (el) el.hidden = !on;
  };
  toggle("not-diagnosis", key !== "minor");
  toggle("withdrawal", withdrawal);
  toggle("lower-risk", key === "c-negative" || key === "zone-1" || key === "zone-2");
  const heading = result.querySelector("h2");
  if (heading && key === "minor") heading.textContent = result.dataset.minorHeading ?? heading.textContent;
  result.hidden = false;
  result.focus();
}
