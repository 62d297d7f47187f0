// Benchmark: time from a keystroke in the case form to the designation panel's commit, in the real
// browser (msw-mode build, Debian Chromium, 4x CPU throttling). Prints p50 / p95 / max in ms.
// Not a test: it asserts nothing, it measures. Usage: node scripts/bench-panel.mjs [keystrokes]
import { spawn, execSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const PORT = 4179;
const KEYSTROKES = Number(process.argv[2] ?? 150);
const BASE = `http://localhost:${PORT}`;
const CASE_PATH = '/cases/case-tidewater-pledge/overview';

execSync('npx vite build --mode msw --outDir dist-msw --emptyOutDir --logLevel error', { stdio: 'inherit' });
const server = spawn('npx', ['vite', 'preview', '--mode', 'msw', '--outDir', 'dist-msw', '--port', String(PORT), '--strictPort'], {
  stdio: 'ignore',
  detached: true,
});

async function waitForServer() {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start on ${BASE}`);
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(BASE + CASE_PATH);
  const field = page.locator('#field-rightsRiskAssessment');
  await field.waitFor();
  await page.getByTestId('designation-panel').waitFor();

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.THROTTLE ?? 4) });

  // Every keydown (capture) is pending until the first panel commit after it: that commit is when
  // the keystroke shows in the verdict. Several keystrokes may land in one (deferred) commit.
  await page.evaluate(() => {
    const samples = [];
    const pending = [];
    window.addEventListener('keydown', () => pending.push(performance.now()), { capture: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name !== 'designation-panel:commit') continue;
        while (pending.length > 0 && pending[0] <= entry.startTime) samples.push(entry.startTime - pending.shift());
      }
    }).observe({ type: 'mark' });
    window.__panelSamples = samples;
  });

  await field.click();
  await page.keyboard.press('End');
  const text = 'The designation limits coordinated abuse, not opinions; members remain free to organise. ';
  for (let i = 0; i < KEYSTROKES; i += 1) {
    await page.keyboard.type(text[i % text.length]);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(500);
  const samples = (await page.evaluate(() => window.__panelSamples)).toSorted((a, b) => a - b);
  await browser.close();

  if (samples.length === 0) throw new Error('no panel commits were observed');
  const p50 = quantile(samples, 0.5);
  const p95 = quantile(samples, 0.95);
  console.log(`keystroke -> designation panel commit, 4x CPU throttling, ${samples.length} of ${KEYSTROKES} keystrokes measured:`);
  console.log(`  p50 ${p50.toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   max ${samples.at(-1).toFixed(1)} ms   (goal: p95 <= 16 ms)`);
} finally {
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
}
