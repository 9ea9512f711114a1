// @ts-check
// The site's browser modules: entry name (public/assets/<name>.js) → source. Built by ./build-client.mjs; read by
// tests/unit/boundaries.test.ts, which checks that none of them reaches server code.
export const clientEntries = {
  "inquiry-form": "components/inquiry/inquiry-form.en.ts",
  "inquiry-form-es": "components/inquiry/inquiry-form.es.ts",
  "self-check": "components/self-check/enhance-self-check.ts",
};
