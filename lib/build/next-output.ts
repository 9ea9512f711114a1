/**
 * Everything this project knows about Next.js's output, and the only code that reads or rewrites `.next/` (its paths
 * are spelled once, in ./next-paths.mjs, which plain-JavaScript callers import directly).
 * Why pages ship no client runtime, what it costs and how to undo it: docs/decisions/0002-no-client-runtime.md.
 *
 * What is known here was read in Next.js's own source for VERIFIED_NEXT_VERSION (file paths in the record):
 * - Prerendered pages (pages / and /articles/… here) are written by `next build` to `.next/server/app/<route>.html`,
 *   with `<route>.meta` (headers, the page's route-cache key), `<route>.rsc` and `<route>.segments/` beside them.
 * - The first request for a page copies those files, byte for byte, into `.next/server/route-cache/APP_PAGE/<hash>/$/…`
 *   and serves the copy from then on, also after a restart. A copy of a page this module rewrote is therefore
 *   rewritten too; a copy left by an older build is rewritten by `finishBuild` as well.
 * - Next's client runtime in a page: `<script>` elements (its chunks, the bootstrap, the serialized component tree
 *   `self.__next_f`) and `<link rel="preload" as="script">` / `<link rel="modulepreload">` hints for them.
 * - The client router's requests carry the `rsc`, `next-router-*` and `next-url` headers and get the `.rsc` payload
 *   instead of the page; every page response carries `Vary` on those headers and `x-nextjs-*` hints for the router.
 *
 * HTML is read with parse5 (the WHATWG parsing algorithm, as browsers apply it), never with patterns: the rewrite
 * cuts exactly the elements the parser found out of the original text and leaves every other byte as it was.
 */
// Build code (the file system): a browser bundle that imports it fails to build; scripts run it under the
// react-server condition (scripts/lib/bin.mjs).
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { parse } from "parse5";
import type { DefaultTreeAdapterMap } from "parse5";
import { finishedMarker, nextDir, prerenderedDir, routeCacheDir } from "./next-paths.mjs";

/** Where the output is (lib/build/next-paths.mjs, the one place that spells those paths, for plain-JS callers too). */
export { buildIdFile, finishedMarker, nextDir } from "./next-paths.mjs";

/** The `next` version every statement above was checked against. A different installed version fails the build. */
export const VERIFIED_NEXT_VERSION = "16.4.6";

/** What to read again in Next.js's source before raising VERIFIED_NEXT_VERSION (the decision record names the files). */
const TO_RE_VERIFY = [
  "where `next build` writes prerendered pages (.next/server/app/<route>.html, .meta, .rsc) and that the server reads them from there",
  "that the route cache (.next/server/route-cache) is filled by copying those files unchanged on a page's first request",
  "which <script> and <link> elements the runtime adds to a page (nothing else of it may stay, nothing of the page may go)",
  "the client router's request headers (FLIGHT_HEADERS, next-url) and the response headers only it reads (Vary, x-nextjs-*)",
  "that Next sends a page's headers with setHeader/appendHeader and writeHead/end on the response the server entry gives it",
];

/** Undefined when `installed` is the verified version; otherwise why the build stops and what to re-verify. */
export function nextVersionProblem(installed: string): string | undefined {
  if (installed === VERIFIED_NEXT_VERSION) return undefined;
  return [
    `next ${installed} is installed, but lib/build/next-output.ts was verified against next ${VERIFIED_NEXT_VERSION}.`,
    "Read Next.js's source at the new version and re-verify:",
    ...TO_RE_VERIFY.map((item) => `  - ${item}`),
    "then run the suite (tests/integration/served-pages.test.ts serves every page fresh, again, and after a restart)",
    "and set VERIFIED_NEXT_VERSION. See docs/decisions/0002-no-client-runtime.md.",
  ].join("\n");
}

/** The installed `next` version, read from its package.json (not through `require`, which its exports map forbids). */
export function installedNextVersion(root: string): string {
  return (JSON.parse(fs.readFileSync(path.join(root, "node_modules", "next", "package.json"), "utf8")) as { version: string }).version;
}

// ---------------------------------------------------------------------------------------------------------------
// Pages: finding the framework's scripts with an HTML parser, and cutting them out.

/** Where the site's own modules are served from (built by scripts/build/build-client.mjs). */
const OWN_SCRIPT_PREFIX = "/assets/";

type Node = DefaultTreeAdapterMap["childNode"] | DefaultTreeAdapterMap["document"];
type Element = DefaultTreeAdapterMap["element"];

/** MIME types the HTML standard runs as classic scripts ("JavaScript MIME type essence match"). */
const JAVASCRIPT_TYPES = new Set([
  "application/ecmascript",
  "application/javascript",
  "application/x-ecmascript",
  "application/x-javascript",
  "text/ecmascript",
  "text/javascript",
  "text/javascript1.0",
  "text/javascript1.1",
  "text/javascript1.2",
  "text/javascript1.3",
  "text/javascript1.4",
  "text/javascript1.5",
  "text/jscript",
  "text/livescript",
  "text/x-ecmascript",
  "text/x-javascript",
]);

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

/**
 * A data block (JSON-LD, JSON): a type the browser neither runs nor treats specially. Classic scripts, modules,
 * import maps and speculation rules are not data: each is covered by script-src, and none is the site's content.
 */
function isDataBlock(script: Element): boolean {
  const type = attr(script, "type");
  if (type === undefined || type.trim() === "") return false;
  const essence = type.split(";")[0].trim().toLowerCase();
  return !JAVASCRIPT_TYPES.has(essence) && !["module", "importmap", "speculationrules"].includes(essence);
}

/** A hint that makes the browser fetch a script: modulepreload, or preload as script. */
function isScriptPreload(link: Element): boolean {
  const rel = (attr(link, "rel") ?? "").toLowerCase().split(/\s+/);
  return rel.includes("modulepreload") || (rel.includes("preload") && (attr(link, "as") ?? "").toLowerCase() === "script");
}

interface Found {
  /** Every <script> that is not a data block, in document order. */
  scripts: { element: Element; src: string | undefined; text: string }[];
  scriptPreloads: Element[];
}

function findScripts(html: string): Found {
  const found: Found = { scripts: [], scriptPreloads: [] };
  const visit = (node: Node) => {
    if ("tagName" in node) {
      if (node.tagName === "script" && !isDataBlock(node)) {
        const text = node.childNodes.map((c) => ("value" in c ? c.value : "")).join("");
        found.scripts.push({ element: node, src: attr(node, "src"), text });
      } else if (node.tagName === "link" && isScriptPreload(node)) found.scriptPreloads.push(node);
      // A <template>'s content is its own fragment: scripts there run when it is cloned into the page.
      if (node.tagName === "template") visit((node as DefaultTreeAdapterMap["template"]).content as unknown as Node);
    }
    if ("childNodes" in node) for (const child of node.childNodes) visit(child as Node);
  };
  visit(parse(html, { sourceCodeLocationInfo: true }));
  return found;
}

/** Inline scripts a browser would execute (data blocks such as JSON-LD excluded), their text. */
export function executableInlineScripts(html: string): string[] {
  return findScripts(html)
    .scripts.filter((s) => s.src === undefined)
    .map((s) => s.text);
}

/** The src of every external script. */
export function externalScripts(html: string): string[] {
  return findScripts(html).scripts.flatMap((s) => (s.src === undefined ? [] : [s.src]));
}

/**
 * What of the framework's client runtime a served or written page still carries; empty when none. The one check
 * behind the build (finishBuild) and the tests that fetch every page from the server.
 */
export function frameworkLeftovers(html: string): string[] {
  const { scripts, scriptPreloads } = findScripts(html);
  const inline = scripts.filter((s) => s.src === undefined);
  const foreign = scripts.filter((s) => s.src !== undefined && !s.src.startsWith(OWN_SCRIPT_PREFIX));
  return [
    ...(inline.length ? [`${inline.length} inline script(s)`] : []),
    ...foreign.map((s) => `framework script ${s.src}`),
    ...scriptPreloads.map((l) => `script preload ${attr(l, "href") ?? "(no href)"}`),
  ];
}

/**
 * The document without the framework's client runtime: every script that is not a data block goes, except the site's
 * own modules (under OWN_SCRIPT_PREFIX), and so do hints to preload scripts. The parser gives each element's exact
 * place in the text; those ranges are cut and everything else is kept byte for byte. `keepOwn: false` also drops the
 * site's own modules (for a page served under a policy that allows no script).
 */
export function stripFrameworkRuntime(html: string, { keepOwn = true }: { keepOwn?: boolean } = {}): string {
  const { scripts, scriptPreloads } = findScripts(html);
  const remove = [...scripts.filter((s) => !(keepOwn && s.src?.startsWith(OWN_SCRIPT_PREFIX))).map((s) => s.element), ...scriptPreloads]
    .map((el) => el.sourceCodeLocation!)
    .sort((a, b) => a.startOffset - b.startOffset);
  let out = "";
  let at = 0;
  for (const { startOffset, endOffset } of remove) {
    if (startOffset < at) continue; // inside a range already cut
    out += html.slice(at, startOffset);
    at = endOffset;
  }
  return out + html.slice(at);
}

// ---------------------------------------------------------------------------------------------------------------
// The build's last step: every prerendered page on disk without the runtime.

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** The HTML files Next serves pages from: the build's own and the route cache's copies of them. */
function prerenderedPageFiles(root: string): string[] {
  return [...walk(prerenderedDir(root)), ...walk(routeCacheDir(root))].filter((f) => f.endsWith(".html"));
}

/**
 * The route cache's copy of each page served so far, by URL path ("/", "/articles/what-is-iop"): Next writes the copy
 * of a page to `route-cache/APP_PAGE/<hash of the page's cache key>/$/<route>.html` (the home page as `$/index.html`).
 */
export function routeCacheCopies(root: string): Map<string, string> {
  const copies = new Map<string, string>();
  for (const file of walk(routeCacheDir(root))) {
    const parts = path.relative(routeCacheDir(root), file).split(path.sep);
    const at = parts.indexOf("$");
    if (at < 0 || !file.endsWith(".html")) continue;
    const route = `/${parts.slice(at + 1).join("/")}`.replace(/\.html$/, "");
    copies.set(route === "/index" ? "/" : route, file);
  }
  return copies;
}

export interface FinishReport {
  pages: number;
  bytesBefore: number;
  bytesAfter: number;
  /** Pages that load one of the site's own modules. */
  withOwnModules: string[];
}

/**
 * After `next build`: checks the installed Next.js is the verified one, removes the client runtime from every
 * prerendered page (and any route-cache copy), fails if a page still carries any of it, and writes the marker.
 */
export function finishBuild(root: string): FinishReport {
  const problem = nextVersionProblem(installedNextVersion(root));
  if (problem) throw new Error(problem);
  const files = prerenderedPageFiles(root);
  if (!files.some((f) => f.endsWith(`${path.sep}_not-found.html`))) throw new Error("no prerendered not-found page; is this the output of `next build`?");
  const report: FinishReport = { pages: files.length, bytesBefore: 0, bytesAfter: 0, withOwnModules: [] };
  for (const file of files) {
    const html = fs.readFileSync(file, "utf8");
    const out = stripFrameworkRuntime(html);
    const rel = path.relative(root, file);
    const left = frameworkLeftovers(out);
    if (left.length) throw new Error(`${rel} still has ${left.join(", ")}`);
    if (externalScripts(out).length) report.withOwnModules.push(rel);
    report.bytesBefore += Buffer.byteLength(html);
    report.bytesAfter += Buffer.byteLength(out);
    if (out !== html) fs.writeFileSync(file, out);
  }
  fs.writeFileSync(finishedMarker(root), `${new Date().toISOString()}\n`);
  return report;
}

// ---------------------------------------------------------------------------------------------------------------
// Serving: what only the client router sends and reads (the server entry removes it; see server/site-server.ts).

/**
 * Request headers with which Next's client router asks for the `.rsc` payload instead of the page
 * (FLIGHT_HEADERS in next/src/client/components/app-router-headers.ts, plus next-url and next-action).
 */
export const ROUTER_REQUEST_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-hmr-refresh",
  "next-url",
  "next-action",
] as const;

/** Response headers only the client router reads (app-router-headers.ts, lib/constants.ts); dropped from pages. */
export const ROUTER_RESPONSE_HEADERS = [
  "x-nextjs-stale-time",
  "x-nextjs-prerender",
  "x-nextjs-postponed",
  "x-nextjs-deployment-id",
  "x-nextjs-request-id",
  "x-nextjs-html-request-id",
  "x-nextjs-rewritten-path",
  "x-nextjs-rewritten-query",
  "x-nextjs-action-not-found",
] as const;

const routerVaryMembers = new Set<string>(ROUTER_REQUEST_HEADERS);

/**
 * A `Vary` value without the router's request headers (which the server entry removes from every request, so no
 * response varies on them): "rsc, next-router-state-tree, …, Accept-Encoding" becomes "Accept-Encoding".
 * Undefined when nothing is left.
 */
export function varyWithoutRouter(vary: string): string | undefined {
  const kept = vary
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v && !routerVaryMembers.has(v.toLowerCase()));
  return kept.length ? kept.join(", ") : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Running the build without its sources: the production artifact (scripts/build/package.ts,
// docs/decisions/0005-production-artifact.md).

/**
 * What of `.next/` a server needs, relative to it: everything but the build's own cache and records (cache/, trace,
 * diagnostics, types/, the build lock), source maps (they embed the sources; the server never reads them unless Node
 * runs with --enable-source-maps) and the route cache (`server/route-cache`, which a server fills itself from the
 * prerendered pages on their first request). Read after finishBuild, so every page copied carries no runtime.
 */
export function nextFilesForServer(root: string): string[] {
  const dist = nextDir(root);
  if (!fs.existsSync(finishedMarker(root))) throw new Error(`Build the site first (npm run build): ${path.relative(root, finishedMarker(root))} is missing.`);
  const skip = (rel: string) =>
    ["cache", "diagnostics", "types", "lock", path.relative(dist, routeCacheDir(root))].some((d) => rel === d || rel.startsWith(d + path.sep)) ||
    /^trace(-build)?$/.test(rel) ||
    rel.endsWith(".map");
  return walk(dist)
    .map((f) => path.relative(dist, f))
    .filter((rel) => !skip(rel));
}
