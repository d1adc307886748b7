// @ts-check
//! Back-to-back comparison of two (or more) wasm builds in headless Chromium, interleaved, so that the
//! machine's drift from minute to minute falls on all of them alike.
//!
//! `node scripts/bench-ab.mjs [--cold RUNS] [--warm FILE]... DIR...` where each DIR is a wasm-bindgen
//! `--target web` package under www/ (for instance `www/pkg`, and an older build copied to
//! `www/pkg-old`). Prints, per package:
//! - with `--cold RUNS` (default 25): the median over RUNS fresh browser contexts of the load (import the
//!   JS glue, fetch + compile + instantiate the wasm) and of the first check of www/sample-article.txt,
//!   packages taking turns;
//! - for each `--warm FILE`: all packages loaded in one page, three warm-up checks each, then the median
//!   `check(text)` time over rounds in which every package checks once (60 rounds under 50 KB, 15 under
//!   500 KB, else 5).
//! BENCHMARKS.md quotes its figures; `node scripts/bench-browser.mjs` gives the absolute ones.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS, WWW_ROOT } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
let coldRuns = 25;
const warmFiles = [];
const packages = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--cold') coldRuns = Number(args[++i]);
  else if (args[i] === '--warm') warmFiles.push(args[++i]);
  else packages.push('/' + path.relative(WWW_ROOT, path.resolve(args[i])).split(path.sep).join('/'));
}
if (packages.length === 0 || packages.some((p) => p.startsWith('/..'))) {
  console.error('usage: node scripts/bench-ab.mjs [--cold RUNS] [--warm FILE]... DIR...  (DIRs under www/)');
  process.exit(2);
}

const sample = await readFile(path.join(WWW_ROOT, 'sample-article.txt'), 'utf8');
const { server, url: baseUrl } = await startServer({ root: WWW_ROOT, port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function blankPage() {
  const context = await browser.newContext();
  await context.route(`${baseUrl}/__ab__.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>ab</title>' }));
  const page = await context.newPage();
  await page.goto(`${baseUrl}/__ab__.html`);
  return { context, page };
}

try {
  if (coldRuns > 0) {
    /** @type {Record<string, number[][]>} */
    const rows = Object.fromEntries(packages.map((p) => [p, []]));
    for (let run = 0; run < coldRuns; run++) {
      for (const pkg of packages) {
        const { context, page } = await blankPage();
        rows[pkg].push(
          await page.evaluate(async ([pkg, text]) => {
            const t0 = performance.now();
            const mod = await import(`${pkg}/article_checker.js`);
            await mod.default();
            const t1 = performance.now();
            mod.check(text);
            const t2 = performance.now();
            return [t1 - t0, t2 - t1, t2 - t0];
          }, [pkg, sample]),
        );
        await context.close();
      }
    }
    console.log(`cold start, median of ${coldRuns} fresh contexts each, interleaved:`);
    for (const pkg of packages) {
      const [load, first, total] = [0, 1, 2].map((i) => median(rows[pkg].map((r) => r[i])).toFixed(1));
      console.log(`  ${pkg.padEnd(16)} load ${load} ms + first check of the sample ${first} ms = ${total} ms`);
    }
  }
  for (const file of warmFiles) {
    const text = await readFile(file, 'utf8');
    const { context, page } = await blankPage();
    const medians = await page.evaluate(async ([packages, text]) => {
      const mods = [];
      for (const pkg of packages) {
        const mod = await import(`${pkg}/article_checker.js`);
        await mod.default();
        mods.push(mod);
      }
      for (let i = 0; i < 3; i++) mods.forEach((m) => m.check(text));
      const rounds = text.length > 500_000 ? 5 : text.length > 50_000 ? 15 : 60;
      const times = mods.map(() => /** @type {number[]} */ ([]));
      for (let r = 0; r < rounds; r++) {
        mods.forEach((m, k) => {
          const t0 = performance.now();
          m.check(text);
          times[k].push(performance.now() - t0);
        });
      }
      return times.map((t) => t.sort((a, b) => a - b)[t.length >> 1]);
    }, [packages, text]);
    await context.close();
    console.log(`warm check of ${path.basename(file)} (${text.length} chars), median, one page, interleaved:`);
    packages.forEach((pkg, k) => console.log(`  ${pkg.padEnd(16)} ${medians[k].toFixed(2)} ms`));
  }
} finally {
  await browser.close();
  server.close();
}
