import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import type { ReactElement } from "react";
import { inquiryText as t } from "@/lib/i18n/inquiry.en";
import { ErrorSummary, InquiryFields, type FormValues } from "@/components/inquiry/InquiryFields";
import type { FieldErrors } from "./schema";

/**
 * For browsers without JavaScript, the route answers an invalid post with the contact page again: the
 * prerendered page from the build, with its form swapped for one that shows the errors and keeps every value.
 * Its scripts are dropped: this copy is for browsers that do not run them, and it must not hydrate.
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
    <form id="inquiry-form" method="post" action="/api/inquiries" noValidate data-hydrated="no" aria-describedby="inquiry-form-intro" className="relative">
      {input.status === 429 ? (
        <p id="error-summary" role="alert" className="mb-6 rounded-lg border-4 border-red-800 p-4 font-semibold dark:border-red-300">
          {t.rateLimited}
        </p>
      ) : (
        <ErrorSummary errors={input.errors} />
      )}
      <InquiryFields values={input.values} errors={input.errors} />
      <button type="submit" className="btn-primary mt-6 w-full text-lg sm:w-auto">
        {t.submit}
      </button>
    </form>,
  );
}

export async function renderFormPage(input: { values: FormValues; errors: FieldErrors; status: 400 | 429 }): Promise<string> {
  const form = formMarkup(input);
  const page = contactShell();
  if (page) {
    const start = page.indexOf('<form id="inquiry-form"');
    const end = page.indexOf("</form>", start);
    if (start !== -1 && end !== -1) {
      return (page.slice(0, start) + form + page.slice(end + "</form>".length))
        // Judge a script by its own type, not its text: the RSC payload that would hydrate the page also mentions
        // "application/ld+json" whenever the page carries structured data.
        .replace(/<script\b([^>]*)>[\s\S]*?<\/script>/g, (s, attrs: string) => (/\btype="application\/ld\+json"/.test(attrs) ? s : ""))
        .replace(/<link[^>]+rel="(modulepreload|preload)"[^>]*as="script"[^>]*>/g, "")
        .replace("<title>", `<title>${t.errorTitlePrefix} `);
    }
  }
  // No build output to borrow (development): a plain page that still works.
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.errorTitlePrefix} ${t.title}</title></head><body><main><h1>${t.title}</h1>${form}</main></body></html>`;
}
