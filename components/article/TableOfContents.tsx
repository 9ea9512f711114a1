import type { Heading } from "@/lib/content/markdown";

export function TableOfContents({ headings, label }: { headings: Heading[]; label: string }) {
  if (headings.length < 2) return null;
  return (
    <nav aria-labelledby="toc-heading" className="no-print rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="toc-heading" className="text-base font-bold">
        {label}
      </h2>
      <ol className="mt-2 space-y-1 text-sm">
        {headings.map((h) => (
          <li key={h.id} className={h.depth === 3 ? "ml-4" : undefined}>
            <a href={`#${h.id}`} className="link">
              {h.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
