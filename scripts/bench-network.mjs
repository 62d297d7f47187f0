// Benchmark: frames per second of the network view while the analyst pans and zooms a graph of
// 5,000 accounts and 50,000 links (issue 16 §3: 60 fps), in the real browser (Debian Chromium, no
// GPU, no CPU throttling unless THROTTLE is set). Builds a page that holds only the network canvas
// (src/features/activity-import/network-bench-harness.tsx; the app never imports it), serves it,
// drags the canvas about and turns the mouse wheel for a few seconds, and times every animation
// frame. Prints the layout time, the time to a drawn canvas, mean fps, p50/p95 frame time and the
// slowest frame.
// Not a test: it asserts nothing, it measures. Usage: node scripts/bench-network.mjs
// (env: SECONDS per gesture (default 3), THROTTLE, SKIP_BUILD=1, QUERY=<harness options>, COMPARE=1 also measures the other
// cytoscape render options, NODES / EDGES / CLUSTERS for another size).
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const OUT_DIR = resolve('dist-bench-network');
const SECONDS = Number(process.env.SECONDS ?? 3);
const THROTTLE = Number(process.env.THROTTLE ?? 1);
const SIZE = { accounts: Number(process.env.NODES ?? 5_000), edges: Number(process.env.EDGES ?? 50_000), clusters: Number(process.env.CLUSTERS ?? 100) };
const HARNESS = resolve('src/features/activity-import/network-bench-harness.tsx');
const ENTRY = 'virtual:bench-network';

if (!process.env.SKIP_BUILD || !existsSync(join(OUT_DIR, 'bench.js'))) {
  await build({
    configFile: false,
    logLevel: 'error',
    mode: 'production',
    publicDir: false,
    plugins: [
      react(),
      {
        name: 'bench-network-entry',
        resolveId: (id) => (id === ENTRY ? `\0${ENTRY}` : null),
        load: (id) =>
          id === `\0${ENTRY}`
            ? `import { mountNetworkBench } from ${JSON.stringify(HARNESS)};\nmountNetworkBench(document.getElementById('root'), location.search);\n`
            : null,
      },
    ],
    build: {
      outDir: OUT_DIR,
      emptyOutDir: true,
      sourcemap: false,
      rollupOptions: { input: ENTRY, output: { entryFileNames: 'bench.js', chunkFileNames: '[name]-[hash].js' } },
    },
  });
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(
    join(OUT_DIR, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Network benchmark</title></head>' +
      '<body style="margin:0"><main id="root" style="padding:16px"></main><script type="module" src="/bench.js"></script></body></html>\n',
  );
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const file = join(OUT_DIR, path === '/' ? 'index.html' : path);
  if (!file.startsWith(OUT_DIR) || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const BASE = `http://127.0.0.1:${server.address().port}`;

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Frame intervals (ms) while `gesture` runs. */
async function timeFrames(page, gesture) {
  await page.evaluate(() => {
    const frames = [];
    let running = true;
    const tick = (t) => {
      frames.push(t);
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.__frames = { frames, stop: () => (running = false) };
  });
  await gesture();
  const frames = await page.evaluate(() => {
    window.__frames.stop();
    return window.__frames.frames;
  });
  const intervals = frames.slice(1).map((t, i) => t - frames[i]);
  return { intervals, span: frames.at(-1) - frames[0] };
}

async function measure(browser, query, label) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  if (THROTTLE > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  }
  const sizeQuery = `accounts=${SIZE.accounts}&edges=${SIZE.edges}&clusters=${SIZE.clusters}`;
  await page.goto(`${BASE}/?${sizeQuery}${query ? `&${query}` : ''}`);
  await page.waitForFunction(() => window.networkBenchState?.firstFrameMs != null, null, { timeout: 180_000 });
  const state = await page.evaluate(() => window.networkBenchState);
  const canvas = page.getByTestId('network-canvas');
  const box = await canvas.boundingBox();
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.waitForTimeout(500);

  const pan = await timeFrames(page, async () => {
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    const end = Date.now() + SECONDS * 1000;
    for (let i = 0; Date.now() < end; i++) {
      const angle = i / 15;
      await page.mouse.move(centre.x + 250 * Math.cos(angle), centre.y + 150 * Math.sin(angle));
    }
    await page.mouse.up();
  });
  const zoom = await timeFrames(page, async () => {
    await page.mouse.move(centre.x, centre.y);
    const end = Date.now() + SECONDS * 1000;
    for (let i = 0; Date.now() < end; i++) {
      await page.mouse.wheel(0, Math.floor(i / 20) % 2 === 0 ? -60 : 60);
      await page.waitForTimeout(8);
    }
  });
  await page.close();
  return { label, state, pan, zoom };
}

function report({ label, state, pan, zoom }) {
  console.log(`${label}: ${state.nodes} accounts, ${state.edges} links; options ${JSON.stringify(state.options)}`);
  console.log(`  layout ${state.layoutMs} ms; cytoscape built ${state.readyMs} ms; first full frame ${state.firstFrameMs} ms after that`);
  for (const [gesture, { intervals, span }] of [['pan (drag)', pan], ['zoom (wheel)', zoom]]) {
    const sorted = intervals.toSorted((a, b) => a - b);
    const fps = (1000 * intervals.length) / span;
    console.log(
      `  ${gesture.padEnd(13)} mean ${fps.toFixed(1).padStart(5)} fps   frame p50 ${quantile(sorted, 0.5).toFixed(1).padStart(5)} ms   p95 ${quantile(sorted, 0.95).toFixed(1).padStart(6)} ms   max ${sorted.at(-1).toFixed(1).padStart(6)} ms   (${intervals.length} frames; goal 60 fps, p95 <= 16.7 ms)`,
    );
  }
}

// QUERY=<harness options> measures just those (e.g. QUERY='texture=0').
const VARIANTS = process.env.QUERY ? [[`options ${process.env.QUERY}`, process.env.QUERY]] : [
  ['production options', ''],
  ...(process.env.COMPARE
    ? [
        ['every frame drawn in full', 'hideEdges=0&texture=0'],
        ['edges hidden while moving, no texture', 'hideEdges=1&texture=0'],
        ['texture while moving, edges kept', 'hideEdges=0&texture=1'],
        ['production with the device pixel ratio', 'pixelRatio=auto'],
        ['edges hidden + motion blur, no texture', 'hideEdges=1&texture=0&motionBlur=1'],
        ['WebGL renderer (experimental)', 'webgl=1&hideEdges=0&texture=0'],
      ]
    : []),
];

let browser;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Other work on the machine shows in frame times: the load average is printed with them.
  console.log(
    `network view pan/zoom, ${SECONDS} s per gesture${THROTTLE > 1 ? `, ${THROTTLE}x CPU throttling` : ''}; ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}:`,
  );
  for (const [label, query] of VARIANTS) report(await measure(browser, query, label));
} finally {
  await browser?.close();
  server.close();
}
