/** A numbered citation that links to the article's reference list. */
export function Cite({ n }: { n: number }) {
  return (
    <sup className="cite">
      <a href={`#ref-${n}`} className="link no-underline" aria-label={`Reference ${n}`}>
        [{n}]
      </a>
    </sup>
  );
}
