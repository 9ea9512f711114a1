import type { Reference } from "@/lib/content/schema";

export function ReferenceList({ references, heading }: { references: Reference[]; heading: string }) {
  return (
    <section aria-labelledby="references-heading" className="references mt-10">
      <h2 id="references-heading" className="text-xl font-bold">
        {heading}
      </h2>
      <ol className="mt-3 list-decimal space-y-2 pl-6 text-sm">
        {references.map((r, i) => (
          <li key={r.url} id={`ref-${i + 1}`} className="scroll-mt-4">
            {r.publisher} ({r.year}).{" "}
            <a href={r.url} className="link" rel="noopener noreferrer">
              {r.title}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
