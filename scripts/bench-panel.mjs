// Benchmark: time from a keystroke in the case form to the designation panel's commit, in the real
// browser (msw-mode build, Debian Chromium, 4x CPU throttling; THROTTLE=1 for full speed). Prints
// p50 / p95 / max in ms for a field not yet left and for one left once (validated on every change).
// Not a test: it asserts nothing, it measures. Usage: node scripts/bench-panel.mjs [keystrokes]
// (env: THROTTLE, OUT_DIR, SKIP_BUILD=1, DUMP=1 prints every sample in order).
import { spawn, execSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const PORT = 4179;
const KEYSTROKES = Number(process.argv[2] ?? 150);
const BASE = `http://localhost:${PORT}`;
const CASE_PATH = '/cases/case-tidewater-pledge/overview';

// OUT_DIR and SKIP_BUILD=1 let two builds be compared without rebuilding.
const OUT_DIR = process.env.OUT_DIR ?? 'dist-msw';
if (!process.env.SKIP_BUILD) execSync(`npx vite build --mode msw --outDir ${OUT_DIR} --emptyOutDir --logLevel error`, { stdio: 'inherit' });
const server = spawn('npx', ['vite', 'preview', '--mode', 'msw', '--outDir', OUT_DIR, '--port', String(PORT), '--strictPort'], {
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

  // Two clocks start per keystroke: at its keydown (everything the browser and the app do for it)
  // and at its input event (the form's value changes: the app's own share). Each is pending until
  // the first panel commit after it, the moment the keystroke shows in the verdict.
  await page.evaluate(() => {
    const series = { keydown: { pending: [], samples: [] }, input: { pending: [], samples: [] } };
    for (const [type, { pending }] of Object.entries(series)) {
      window.addEventListener(type, () => pending.push(performance.now()), { capture: true });
    }
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name !== 'designation-panel:commit') continue;
        for (const { pending, samples } of Object.values(series)) {
          while (pending.length > 0 && pending[0] <= entry.startTime) samples.push(entry.startTime - pending.shift());
        }
      }
    }).observe({ type: 'mark' });
    window.__panel = {
      reset: () => Object.values(series).forEach(({ pending, samples }) => { pending.splice(0); samples.splice(0); }),
      take: () => Object.fromEntries(Object.entries(series).map(([type, { samples }]) => [type, samples.splice(0)])),
    };
  });

  // Two rounds: a field the analyst has not left yet, then the same field after leaving it once
  // (react-hook-form then validates on every change, mode 'onTouched').
  const text = 'The designation limits coordinated abuse, not opinions; members remain free to organise. ';
  const rounds = [];
  for (const round of ['untouched field', 'touched field (validates on change)']) {
    await field.click();
    if (round !== 'untouched field') {
      await page.keyboard.press('Tab');
      await field.click();
    }
    await page.keyboard.press('End');
    await page.waitForTimeout(300);
    // Keys that change nothing (Tab, End) leave no commit: forget them before the round starts.
    await page.evaluate(() => window.__panel.reset());
    for (let i = 0; i < KEYSTROKES; i += 1) {
      await page.keyboard.type(text[i % text.length]);
      await page.waitForTimeout(40);
    }
    await page.waitForTimeout(500);
    const taken = await page.evaluate(() => window.__panel.take());
    if (process.env.DUMP) console.log(round, taken.keydown.map((x) => x.toFixed(0)).join(' '));
    rounds.push({ round, fromKeydown: taken.keydown.toSorted((a, b) => a - b), fromInput: taken.input.toSorted((a, b) => a - b) });
  }
  await browser.close();

  const rate = Number(process.env.THROTTLE ?? 4);
  console.log(`keystroke -> designation panel commit, ${rate}x CPU throttling, ${KEYSTROKES} keystrokes per round:`);
  for (const { round, fromKeydown, fromInput } of rounds) {
    for (const [clock, samples] of [['from keydown', fromKeydown], ['from input (form change)', fromInput]]) {
      if (samples.length === 0) throw new Error(`no panel commits were observed (${round})`);
      const p50 = quantile(samples, 0.5);
      const p95 = quantile(samples, 0.95);
      console.log(`  ${round.padEnd(36)} ${clock.padEnd(25)} p50 ${p50.toFixed(1).padStart(5)} ms   p95 ${p95.toFixed(1).padStart(5)} ms   max ${samples.at(-1).toFixed(1).padStart(6)} ms   (${samples.length} samples; goal: p95 <= 16 ms)`);
    }
  }
} finally {
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
}
