import type { en } from "./en";

/** A value's type with its string literals widened to string, so another language's words fit the same shape. */
export type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends readonly (infer U)[]
      ? readonly Widen<U>[]
      : T extends object
        ? { readonly [K in keyof T]: Widen<T[K]> }
        : T;

/**
 * The shape every locale's dictionary must have: the English one's keys and function signatures, with any words.
 * A Spanish edition adds `lib/i18n/es.ts` exporting `es: Dictionary` and registers it in strings.ts.
 */
export type Dictionary = Widen<typeof en>;
