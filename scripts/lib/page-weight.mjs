// Bytes on the wire (compressed, as transferred) that a page loads before its load event, by resource type.
// Used by the budget tests (deterministic for a given build) and by `npm run bench:weight`.

/** @param {import('@playwright/test').BrowserContext} context @param {string} url */
export async function measurePageWeight(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const types = new Map();
  const sizes = new Map();
  let loaded = false;
  cdp.on("Network.responseReceived", (e) => types.set(e.requestId, { type: e.type, url: e.response.url }));
  cdp.on("Network.loadingFinished", (e) => {
    if (!loaded) sizes.set(e.requestId, e.encodedDataLength);
  });
  await page.goto(url, { waitUntil: "load" });
  loaded = true;
  const totals = { script: 0, stylesheet: 0, document: 0, font: 0, image: 0, other: 0, total: 0, requests: 0 };
  const files = [];
  for (const [id, bytes] of sizes) {
    const info = types.get(id);
    if (!info) continue;
    const kind = { Script: "script", Stylesheet: "stylesheet", Document: "document", Font: "font", Image: "image" }[info.type] ?? "other";
    totals[kind] += bytes;
    totals.total += bytes;
    totals.requests += 1;
    files.push({ kind, bytes, url: info.url });
  }
  await page.close();
  return { totals, files };
}

export const kib = (n) => Math.round((n / 1024) * 10) / 10;
