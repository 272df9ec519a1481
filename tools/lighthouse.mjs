// Lighthouse on Inzage's pages, mobile profile (Lighthouse's default: a mid-range phone,
// simulated slow 4G and a 4× slower CPU), against Debian's Chromium. `cargo xtask lighthouse`
// starts the demo server and runs this with one JSON argument:
//
//   { "base": "http://127.0.0.1:PORT", "username": "margery", "password": "…",
//     "card": { "1": "1234 5678", … }, "runs": 3, "out": "target/lighthouse",
//     "pages": [ { "name": "login", "path": "/inloggen", "login": false, "ready": "#username" }, … ] }
//
// Pages with `login` are measured in a browser that logged in first, through the portal's own
// login form (username, password, the code the card has at the position asked), like a person.
// Lighthouse resets the origin's service worker and caches and the HTTP cache before each run
// (its default), so every run is a first visit; the session cookie stays. Each page is measured
// `runs` times and the median run (by performance score) is reported; every run's JSON report
// is written to `out`.
//
// For each page it also prints how long after the observed largest paint the wasm's request
// started, in the runs: negative means the race of docs/benchmarks.md is back.
//
// Then the app's first meaningful render: Lighthouse's scores simulate the phone from an
// unthrottled load, and its LCP is the static first screen, painted before the app runs. So each
// page is also loaded `runs` times under *applied* throttling (Lighthouse's own values for
// slow 4G in DevTools: 562.5 ms round trips, 1,474.56 kbit/s down, 675 up, the CPU 4× slower),
// as a first visit (the HTTP cache, the service worker and Cache Storage cleared; the session
// cookie kept), and the time from navigation until the page's `ready` element (the login
// form, the report list, the results table) is in the page and painted is the median reported.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";

const options = JSON.parse(process.argv[2] ?? "{}");
const chromePath = process.env.CHROME_PATH || "/usr/bin/chromium";
const categories = ["performance", "accessibility", "best-practices", "seo"];

/** Lighthouse's applied ("devtools") throttling of its mobile slow-4G profile. */
const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1474.56 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8,
};

mkdirSync(options.out, { recursive: true });

const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--lang=nl-BE",
    // What sets navigator.languages (and Accept-Language): without it, headless Chromium says
    // en-US and the app starts in English, fetching its texts first.
    "--accept-lang=nl-BE,nl",
  ],
});

let failed = false;
try {
  const browser = await puppeteer.connect({
    browserURL: `http://127.0.0.1:${chrome.port}`,
    defaultViewport: null,
  });
  const page = await browser.newPage();
  let loggedIn = false;
  const summary = [];
  for (const target of options.pages) {
    if (target.login && !loggedIn) {
      await logIn(page);
      loggedIn = true;
    }
    const runs = [];
    for (let i = 0; i < options.runs; i++) {
      const result = await lighthouse(
        options.base + target.path,
        { output: "json", logLevel: "error", onlyCategories: categories },
        undefined,
        page,
      );
      const lhr = result.lhr;
      if (lhr.runtimeError) {
        throw new Error(`${target.name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      }
      if (new URL(lhr.finalDisplayedUrl).pathname !== target.path) {
        throw new Error(`${target.name}: ended on ${lhr.finalDisplayedUrl}, not ${target.path}`);
      }
      writeFileSync(`${options.out}/${target.name}-${i + 1}.json`, result.report);
      runs.push(lhr);
    }
    runs.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
    const median = runs[Math.floor(runs.length / 2)];
    const score = (c) => Math.round(median.categories[c].score * 100);
    const metric = (id) => median.audits[id].displayValue;
    const row = {
      page: target.name,
      path: target.path,
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
      performanceRuns: runs.map((r) => Math.round(r.categories.performance.score * 100)),
      fcp: metric("first-contentful-paint"),
      lcp: metric("largest-contentful-paint"),
      tbt: metric("total-blocking-time"),
      cls: metric("cumulative-layout-shift"),
      si: metric("speed-index"),
      lcpElement: median.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]
        ?.node?.snippet,
      wasmAfterPaint: runs.map(wasmAfterPaint),
      failing: Object.values(median.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative")
        .filter((a) => median.categories.accessibility.auditRefs.some((r) => r.id === a.id))
        .map((a) => a.id),
    };
    row.firstRender = await firstRender(page, target);
    summary.push(row);
    console.log(
      `${row.page.padEnd(8)} performance ${row.performance} (runs ${row.performanceRuns.join(", ")}), ` +
        `accessibility ${row.accessibility}, best practices ${row.bestPractices}, SEO ${row.seo}; ` +
        `FCP ${row.fcp}, LCP ${row.lcp}, TBT ${row.tbt}, CLS ${row.cls}, SI ${row.si}`,
    );
    if (row.lcpElement) {
      console.log(`         LCP element: ${row.lcpElement}`);
    }
    console.log(
      `         the app's first meaningful render (${target.ready}), applied slow 4G and 4× CPU: ` +
        `${(row.firstRender.median / 1000).toFixed(1)} s (runs ${row.firstRender.runs
          .map((ms) => (ms / 1000).toFixed(1))
          .join(", ")} s)`,
    );
    const gaps = row.wasmAfterPaint.filter((ms) => ms !== null);
    if (gaps.length) {
      const [low, high] = [Math.min(...gaps), Math.max(...gaps)];
      console.log(
        `         the wasm's request started ${low === high ? low : `${low} to ${high}`} ms after ` +
          `the observed largest paint` +
          (low < 0 ? " (before it in some runs: Lighthouse then counts its download)" : ""),
      );
    }
    if (row.failing.length) {
      console.log(`         accessibility audits not passed: ${row.failing.join(", ")}`);
    }
  }
  writeFileSync(
    `${options.out}/summary.json`,
    JSON.stringify({ chromium: await browser.version(), lighthouse: lighthouseVersion(), pages: summary }, null, 2),
  );
  await browser.disconnect();
} catch (e) {
  console.error(e);
  failed = true;
} finally {
  await chrome.kill();
}
process.exit(failed ? 1 : 0);

/**
 * The time (ms from navigation) until `target.ready` is in the page and a frame with it has
 * been painted, for `options.runs` first visits under applied throttling: each run and the
 * median.
 */
async function firstRender(page, target) {
  const session = await page.createCDPSession();
  const origin = new URL(options.base).origin;
  const runs = [];
  // Marks, from the start of the document, the first frame after the element appeared.
  const watch = await page.evaluateOnNewDocument((selector) => {
    const seen = () => {
      if (window.__inzageReady !== undefined || !document.querySelector(selector)) {
        return;
      }
      window.__inzageReady = null;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => (window.__inzageReady = performance.now())),
      );
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  }, target.ready);
  try {
    for (let i = 0; i < options.runs; i++) {
      await session.send("Network.enable");
      await session.send("Network.clearBrowserCache");
      await session.send("Storage.clearDataForOrigin", {
        origin,
        storageTypes: "service_workers,cache_storage",
      });
      await session.send("Network.emulateNetworkConditions", SLOW_4G);
      await session.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await page.goto(options.base + target.path, { waitUntil: "domcontentloaded" });
      await page.waitForFunction(() => typeof window.__inzageReady === "number", {
        timeout: 60000,
      });
      runs.push(Math.round(await page.evaluate(() => window.__inzageReady)));
      await session.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      await session.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    }
  } finally {
    await page.removeScriptToEvaluateOnNewDocument(watch.identifier);
    await session.detach();
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { runs, median: sorted[Math.floor(sorted.length / 2)] };
}

/**
 * How many milliseconds after the observed largest paint the wasm's request started in a run
 * (negative: before it, and Lighthouse's simulation then counts the download as needed for
 * that paint; see Trunk.toml's loader), or null when the report lacks either.
 */
function wasmAfterPaint(lhr) {
  const paint = lhr.audits.metrics?.details?.items?.[0]?.observedLargestContentfulPaint;
  const wasm = lhr.audits["network-requests"]?.details?.items?.find((r) => r.url.endsWith(".wasm"));
  if (paint === undefined || !wasm) {
    return null;
  }
  return Math.round(wasm.networkRequestTime - paint);
}

/** Logs in through the login form, as a person does. */
async function logIn(page) {
  await page.goto(options.base + "/inloggen");
  await page.waitForSelector("#username");
  await page.type("#username", options.username);
  await page.type("#password", options.password);
  await page.keyboard.press("Enter");
  const position = await page.waitForSelector("[data-testid=code-position]");
  const at = await position.evaluate((e) => e.dataset.position);
  const code = options.card[at];
  if (!code) {
    throw new Error(`the card has no code at position ${at}`);
  }
  await page.type("#code", code);
  await page.keyboard.press("Enter");
  await page.waitForSelector("[data-testid=report-list]", { timeout: 30000 });
}

function lighthouseVersion() {
  const manifest = new URL("./node_modules/lighthouse/package.json", import.meta.url);
  return JSON.parse(readFileSync(manifest, "utf8")).version;
}
