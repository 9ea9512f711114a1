import type { ReactNode } from "react";

/**
 * A boxed set of facts inside an article: a region named by its own heading, so it is one landmark with a unique
 * name. Either the box renders the heading (`id`, `heading`; `level` fits it into the article's outline: 2 at the top
 * of an article, 3 inside a section), or the article writes it as the box's first child, a markdown heading that the
 * table of contents lists, and `id` names the id rehype-slug gives it.
 */
export function FactsBox({ id, heading, level = 2, children }: { id: string; heading?: string; level?: 2 | 3; children: ReactNode }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section
      aria-labelledby={id}
      className="not-prose my-6 rounded-lg border-2 border-brand-700 bg-brand-50 p-4 text-slate-900 sm:p-5 dark:border-brand-300 dark:bg-slate-900 dark:text-slate-100"
    >
      {heading ? (
        <Heading id={id} className="text-xl leading-snug font-bold">
          {heading}
        </Heading>
      ) : null}
      <div className={heading ? "mt-3" : undefined}>{children}</div>
    </section>
  );
}

/** Label and value pairs: stacked on phones (label just above its value), side by side from 640 px. */
export function FactList({ children }: { children: ReactNode }) {
  return <dl className="space-y-4 sm:space-y-3">{children}</dl>;
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="sm:grid sm:grid-cols-[12rem_1fr] sm:gap-x-6">
      <dt className="font-semibold">{label}</dt>
      <dd className="mt-1 sm:mt-0">{children}</dd>
    </div>
  );
}
