import type { ReactNode } from "react";

/**
 * A boxed set of facts inside an article: a region named by its own heading, so it is one landmark with a unique
 * name. `level` fits the heading into the article's outline (2 at the top of an article, 3 inside a section).
 */
export function FactsBox({ id, heading, level = 2, children }: { id: string; heading: string; level?: 2 | 3; children: ReactNode }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section
      aria-labelledby={id}
      className="not-prose my-6 rounded-lg border-2 border-brand-700 bg-brand-50 p-4 text-slate-900 sm:p-5 dark:border-brand-300 dark:bg-slate-900 dark:text-slate-100"
    >
      <Heading id={id} className="text-xl leading-snug font-bold">
        {heading}
      </Heading>
      <div className="mt-3">{children}</div>
    </section>
  );
}
