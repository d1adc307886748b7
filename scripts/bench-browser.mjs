// @ts-check
//! Browser benchmark: the wasm core in headless Chromium, through the real wasm boundary.
//!
//! `node scripts/bench-browser.mjs [TEXTDIR] [--runs N]` after `./scripts/build.sh` and
//! `cargo run --release --example gen-bench-texts -- TEXTDIR` (default TEXTDIR: target/bench-texts, which
//! this script generates with that command when it is missing). Prints:
//! - the wasm size, raw and gzip -9;
//! - cold start: in a fresh browser context each run, the time from importing pkg/article_checker.js
//!   (JS glue fetch, and at the same time the wasm's, as www/checker.js does; then compile + instantiate)
//!   to the end of the first `check` of
//!   www/sample-article.txt, report converted to JS objects included; median of N runs;
//! - what the cold start is made of: the time of one request to the server in a fresh context (a 404: the
//!   floor under each of the two requests the load makes), and the first check of the sample traced, with
//!   the time the main thread spent compiling wasm functions lazily (V8's Liftoff compiles each at its
//!   first call), median of up to 7 runs;
//! - the page's cold start: www/index.html opened in a fresh context, from navigation to the checker being
//!   ready with the sample loaded, to its report arriving from the worker, and to its findings rendered
//!   (app.js's performance marks); median of N runs, over loopback and over an emulated network (the
//!   DevTools protocol's network conditions: NETWORK below), where round trips cost what they cost users;
//! - per benchmark article, after three untimed checks on each side: the median time of `check(text)`
//!   called on the page's main thread (the report crosses to JS as objects through serde-wasm-bindgen,
//!   included) and of a round trip through www/checker.js's Web Worker (post text, check,
//!   JSON.stringify in the worker, JSON.parse on the page).
//!
//! The page is a blank HTML document served by Playwright's router at the server's origin, so it loads
//! the real www/pkg and www/checker.js from scripts/serve.mjs; nothing in www/ is changed.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS, WWW_ROOT } from '../tests/e2e/harness.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const runsFlag = args.indexOf('--runs');
const COLD_RUNS = runsFlag >= 0 ? Number(args.splice(runsFlag, 2)[1]) : 7;
const TEXT_DIR = path.resolve(args[0] ?? path.join(ROOT, 'target/bench-texts'));
const SIZES = ['10KB', '100KB', '1MB', '5MB'];
/** Repetitions per size: median of these. */
const RUNS = { '10KB': 31, '100KB': 11, '1MB': 5, '5MB': 3 };
const BENCH_PAGE = '/__bench__.html';
/** The emulated network of the page's second cold start: a fair home connection, files sent uncompressed
 *  (scripts/serve.mjs does not compress; a server that gzips sends the wasm in 299 KB instead of 715). */
const NETWORK = { latency: 40, downloadThroughput: 20e6 / 8, uploadThroughput: 5e6 / 8 };

if (!existsSync(path.join(TEXT_DIR, 'bench-10KB.txt'))) {
  execFileSync('cargo', ['run', '--release', '--quiet', '--example', 'gen-bench-texts', '--', TEXT_DIR], { cwd: ROOT, stdio: 'inherit' });
}
const texts = Object.fromEntries(await Promise.all(SIZES.map(async (s) => [s, await readFile(path.join(TEXT_DIR, `bench-${s}.txt`), 'utf8')])));
const wasm = await readFile(path.join(WWW_ROOT, 'pkg/article_checker_bg.wasm'));
const sample = await readFile(path.join(WWW_ROOT, 'sample-article.txt'), 'utf8');

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { server, url: baseUrl } = await startServer({ root: WWW_ROOT, port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** A fresh context with the blank bench page at the server's origin. */
async function openPage() {
  const context = await browser.newContext();
  await context.route(`${baseUrl}${BENCH_PAGE}`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><title>bench</title>' }),
  );
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${baseUrl}${BENCH_PAGE}`);
  return { context, page, errors };
}

try {
  // Cold start, fresh context (no HTTP or compiled-code cache) each run.
  const cold = [];
  let sampleIssues = 0;
  for (let i = 0; i < COLD_RUNS; i++) {
    const { context, page } = await openPage();
    const result = await page.evaluate(async (text) => {
      const started = performance.now();
      // As www/checker.js and its worker load it: the wasm's bytes are fetched while the JS glue loads.
      const bytes = fetch('/pkg/article_checker_bg.wasm').then((response) => response.arrayBuffer());
      const mod = await import('/pkg/article_checker.js');
      await mod.default({ module_or_path: await bytes });
      const loaded = performance.now();
      const report = mod.check(text);
      const done = performance.now();
      mod.check(text);
      const second = performance.now() - done;
      return { total: done - started, load: loaded - started, check: done - loaded, second, issues: report.issues.length };
    }, sample);
    cold.push(result);
    sampleIssues = result.issues;
    await context.close();
  }

  // What the cold start is made of, in further fresh contexts:
  // - the request floor: one fetch of a missing file (a 404 of a few bytes) from the same server, the least
  //   that loading the JS glue and the wasm, two requests, can cost this browser on this machine;
  // - the first check traced (V8's `v8.wasm` category): the time the renderer's main thread spent in lazy
  //   compilation (Liftoff compiles each wasm function at its first call) against the check as a whole.
  const anatomy = [];
  for (let i = 0; i < Math.min(COLD_RUNS, 7); i++) {
    const { context, page } = await openPage();
    const floor = await page.evaluate(async () => {
      const t = performance.now();
      await (await fetch('/__no_such_file__')).arrayBuffer();
      return performance.now() - t;
    });
    await page.evaluate(async () => {
      const bytes = fetch('/pkg/article_checker_bg.wasm').then((response) => response.arrayBuffer());
      const mod = await import('/pkg/article_checker.js');
      await mod.default({ module_or_path: await bytes });
      Object.assign(globalThis, { benchCore: mod });
    });
    await browser.startTracing(page, { categories: ['v8.wasm'] });
    const check = await page.evaluate((text) => {
      const t = performance.now();
      /** @type {any} */ (globalThis).benchCore.check(text);
      return performance.now() - t;
    }, sample);
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const lazy = events.filter((e) => e.ph === 'X' && e.name === 'wasm.CompileLazy' && main.has(`${e.pid}:${e.tid}`));
    anatomy.push({ floor, check, lazy: lazy.reduce((sum, e) => sum + e.dur / 1000, 0), functions: lazy.length });
    await context.close();
  }

  // The page's own cold start: index.html, its modules, the worker and the wasm, and the first check.
  /** @type {Record<string, number[][]>} */
  const pageCold = { loopback: [], network: [] };
  for (let i = 0; i < COLD_RUNS; i++) {
    for (const [name, runs] of Object.entries(pageCold)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      if (name === 'network') {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORK });
      }
      await page.goto(`${baseUrl}index.html`);
      await page.waitForSelector('main[data-check-state="checked"]', { timeout: 60_000 });
      runs.push(
        await page.evaluate(() =>
          ['check-start', 'report-received', 'check-end'].map((mark) => performance.getEntriesByName(`article-checker:${mark}`)[0]?.startTime ?? NaN),
        ),
      );
      await context.close();
    }
  }

  // Warm checks on the main thread and through the worker, one context for all sizes.
  const { context, page, errors } = await openPage();
  await page.evaluate(async () => {
    const mod = await import('/pkg/article_checker.js');
    await mod.default();
    const { createChecker } = await import('/checker.js');
    const checker = createChecker();
    await checker.ready;
    Object.assign(globalThis, { benchCore: mod, benchChecker: checker });
  });
  const rows = [];
  for (const size of SIZES) {
    const text = texts[size];
    const runs = RUNS[size];
    const result = await page.evaluate(
      async ({ text, runs }) => {
        const g = /** @type {any} */ (globalThis);
        const main = [];
        const core = [];
        let issues = 0;
        // Untimed checks first, so V8 has tiered the hot code up (the cold start is measured above): without
        // them the first size's median moved between 5.6 and 9.1 ms from run to run of one build.
        for (let i = 0; i < 3; i++) {
          g.benchCore.check(text);
          await g.benchChecker.check(text);
        }
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          const report = g.benchCore.check(text);
          main.push(performance.now() - t);
          core.push(report.timing.checkMs);
          issues = report.issues.length;
        }
        const worker = [];
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          await g.benchChecker.check(text);
          worker.push(performance.now() - t);
        }
        return { main, core, worker, issues };
      },
      { text, runs },
    );
    rows.push({ size, bytes: Buffer.byteLength(text), ...result });
  }
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

  const gz = gzipSync(wasm, { level: 9 }).length;
  const version = browser.version();
  console.log(`Chromium ${version}, ${new Date().toISOString().slice(0, 10)}, texts from ${path.relative(ROOT, TEXT_DIR) || TEXT_DIR}`);
  console.log(`wasm: ${wasm.length} bytes raw (${(wasm.length / 1024).toFixed(1)} KiB), ${gz} bytes gzip -9 (${(gz / 1024).toFixed(1)} KiB)`);
  const c = (/** @type {'total' | 'load' | 'check' | 'second'} */ k) => median(cold.map((r) => r[k])).toFixed(1);
  console.log(`cold start (median of ${COLD_RUNS}, fresh context): ${c('total')} ms = load (fetch + compile + instantiate) ${c('load')} ms + first check of sample-article.txt (${sample.length} chars, ${sampleIssues} issues) ${c('check')} ms; a second check of the sample: ${c('second')} ms`);
  const a = (/** @type {'floor' | 'check' | 'lazy' | 'functions'} */ k) => median(anatomy.map((r) => r[k])).toFixed(k === 'functions' ? 0 : 1);
  console.log(`cold start anatomy (median of ${anatomy.length}, fresh context): one request to the server ${a('floor')} ms; first check traced ${a('check')} ms, of which lazy compilation of ${a('functions')} wasm functions on the main thread ${a('lazy')} ms`);
  for (const [name, runs] of Object.entries(pageCold)) {
    const m = (/** @type {number} */ k) => median(runs.map((r) => r[k])).toFixed(1);
    const how = name === 'loopback' ? 'loopback' : `emulated network: ${NETWORK.latency} ms latency, ${(NETWORK.downloadThroughput * 8) / 1e6} Mbit/s down`;
    console.log(`page cold start (median of ${COLD_RUNS}, fresh context, ${how}): from navigation, checker ready and sample loaded ${m(0)} ms, report received ${m(1)} ms, findings rendered ${m(2)} ms`);
  }
  console.log('');
  const header = ['text', 'bytes', 'issues', 'runs', 'core ms', 'main-thread ms', 'MB/s', 'conversion ms', 'worker ms'];
  console.log(header.map((h, i) => (i === 0 ? h.padEnd(6) : h.padStart(i === 5 ? 15 : 11))).join(''));
  const slope = [];
  for (const r of rows) {
    const main = median(r.main);
    const core = median(r.core);
    slope.push([r.bytes, main]);
    const cells = [r.size.padEnd(6), String(r.bytes).padStart(11), String(r.issues).padStart(11), String(r.main.length).padStart(11), core.toFixed(2).padStart(11), main.toFixed(2).padStart(15), (r.bytes / 1e6 / (main / 1e3)).toFixed(2).padStart(11), (main - core).toFixed(2).padStart(11), median(r.worker).toFixed(2).padStart(11)];
    console.log(cells.join(''));
  }
  const [[b1, t1], [b2, t2]] = [slope[1], slope[slope.length - 1]];
  console.log(`\nscaling exponent 100KB -> 5MB (main thread): ${(Math.log(t2 / t1) / Math.log(b2 / b1)).toFixed(3)}`);
  console.log('core ms: the time inside check() as the wasm measures it (timing.checkMs); main-thread ms: the JS call,');
  console.log('string copy in and report conversion to JS objects included; worker ms: round trip through www/checker.js.');
} finally {
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
}
