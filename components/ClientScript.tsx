import { builtAsset } from "@/lib/site/assets";

/**
 * The browser module (pages ship no framework runtime, so this is the only script a page runs). With a wrong
 * integrity hash the browser refuses it, and the form still posts as a plain HTML form.
 */
export function ClientScript({ name }: { name: "inquiry-form" | "inquiry-form-es" | "self-check" }) {
  const { url, integrity } = builtAsset(`${name}.js`);
  // A module script is deferred by definition; the rule only looks for async/defer.
  // eslint-disable-next-line @next/next/no-sync-scripts
  return <script type="module" src={url} integrity={integrity} />;
}
