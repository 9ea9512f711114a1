import type { BrowserContext } from "@playwright/test";

export interface PageWeight {
  totals: { script: number; stylesheet: number; document: number; font: number; image: number; other: number; total: number; requests: number };
  files: { kind: string; bytes: number; url: string }[];
}
export function measurePageWeight(context: BrowserContext, url: string): Promise<PageWeight>;
export function kib(n: number): number;
