import { Fragment, type ReactNode } from "react";

/**
 * A dictionary sentence with `{name}` placeholders, rendered with each placeholder replaced by its slot: links inside a
 * sentence, in whatever word order the language needs. A placeholder without a slot fails the build, never the reader.
 */
export function Slotted({ text, slots }: { text: string; slots: Record<string, ReactNode> }) {
  const parts = text.split(/\{(\w+)\}/);
  return (
    <>
      {parts.map((part, i) => {
        if (i % 2 === 0) return part;
        if (!(part in slots)) throw new Error(`No slot "${part}" for the sentence "${text}"`);
        return <Fragment key={i}>{slots[part]}</Fragment>;
      })}
    </>
  );
}
