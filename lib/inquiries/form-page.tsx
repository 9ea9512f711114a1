import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import type { ReactElement } from "react";
import { inquiryText as t } from "@/lib/i18n/inquiry.en";
import type { FormValues } from "@/components/inquiry/InquiryFields";
import { InquiryForm } from "@/components/inquiry/InquiryForm";
import { stripFrameworkRuntime } from "@/lib/build/static-html";
import type { FieldErrors } from "./schema";

/**
 * For browsers without JavaScript, the route answers an invalid post with the contact page again: the
 * prerendered page from the build, with its form swapped for the same form holding the errors and every value.
 * It runs no script at all: it is for browsers that do not run them, and it is served under the API's policy.
 */
let shell: string | null | undefined;

/**
 * Next.js forbids importing react-dom/server into route code (it steers pages to Server Components). This
 * response is not a page the router can render, so the renderer is loaded from node_modules at run time.
 */
function renderToStaticMarkup(element: ReactElement): string {
  const load = createRequire(path.join(process.cwd(), "package.json"));
  return (load("react-dom/server") as typeof import("react-dom/server")).renderToStaticMarkup(element);
}

function contactShell(): string | null {
  if (shell === undefined) {
    const file = path.join(/*turbopackIgnore: true*/ process.cwd(), ".next", "server", "app", "contact.html");
    shell = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
  }
  return shell;
}

export function formMarkup(input: { values: FormValues; errors: FieldErrors; status: 400 | 429 }): string {
  return renderToStaticMarkup(
    <InquiryForm values={input.values} errors={input.errors} notice={input.status === 429 ? "rate-limited" : undefined} enhance={false} />,
  );
}

export async function renderFormPage(input: { values: FormValues; errors: FieldErrors; status: 400 | 429 }): Promise<string> {
  const form = formMarkup(input);
  const page = contactShell();
  if (page) {
    const start = page.indexOf('<form id="inquiry-form"');
    const end = page.indexOf("</form>", start);
    if (start !== -1 && end !== -1) {
      return stripFrameworkRuntime(page.slice(0, start) + form + page.slice(end + "</form>".length), { keepOwn: false }).replace(
        "<title>",
        `<title>${t.errorTitlePrefix} `,
      );
    }
  }
  // No build output to borrow (development): a plain page that still works.
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.errorTitlePrefix} ${t.title}</title></head><body><main><h1>${t.title}</h1>${form}</main></body></html>`;
}
