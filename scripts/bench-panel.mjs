// Benchmark: time from a keystroke in the case form to the designation panel's commit, in the real
// browser (msw-mode build, Debian Chromium, 4x CPU throttling; THROTTLE=1 for full speed).
// Three rounds of typing in the rights-risk field: a field not yet left; the same field after leaving
// it once (react-hook-form then validates on every change); and a case of 1,000 signals and 300
// evidence items (the engine benchmark's size), seeded through the mock API. Two clocks per keystroke:
// from its keydown (the browser's editing plus the app) and from its input event (the form change:
// the app's share). Prints p50 / p95 / max in ms.
// Not a test: it asserts nothing, it measures. Usage: node scripts/bench-panel.mjs [keystrokes]
// (env: THROTTLE, OUT_DIR, SKIP_BUILD=1, DUMP=1 prints every sample in order).
import { spawn, execSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const PORT = 4179;
const KEYSTROKES = Number(process.argv[2] ?? 150);
const THROTTLE = Number(process.env.THROTTLE ?? 4);
const BASE = `http://localhost:${PORT}`;
const CASE_ID = 'case-tidewater-pledge';
const CASE_PATH = `/cases/${CASE_ID}/overview`;
const LARGE = { signals: 1_000, evidencePerCategory: 100 };
const TEXT = 'The designation limits coordinated abuse, not opinions; members remain free to organise. ';

// OUT_DIR and SKIP_BUILD=1 let two builds be compared without rebuilding.
const OUT_DIR = process.env.OUT_DIR ?? 'dist-bench-panel';
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

/** Opens the case, throttles the CPU, and starts both clocks: each keystroke is pending until the first panel commit after it. */
async function openCase(page) {
  await page.goto(BASE + CASE_PATH);
  await page.locator('#field-rightsRiskAssessment').waitFor();
  await page.getByTestId('designation-panel').waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
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
}

async function typeRound(page, { leaveFirst }) {
  const field = page.locator('#field-rightsRiskAssessment');
  await field.click();
  if (leaveFirst) {
    await page.keyboard.press('Tab');
    await field.click();
  }
  await page.keyboard.press('End');
  await page.waitForTimeout(300);
  // Keys that change nothing (Tab, End) leave no commit: forget them before the round starts.
  await page.evaluate(() => window.__panel.reset());
  for (let i = 0; i < KEYSTROKES; i += 1) {
    await page.keyboard.type(TEXT[i % TEXT.length]);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(500);
  return page.evaluate(() => window.__panel.take());
}

/** Replaces the case's signals and evidence with LARGE copies of its first ones, through the mock API. */
async function seedLargeCase(page) {
  const error = await page.evaluate(async ({ caseId, signals, evidencePerCategory }) => {
    const headers = { 'X-User-Id': 'ana', Accept: 'application/json', 'Content-Type': 'application/json' };
    const response = await fetch(`/api/cases/${caseId}`, { headers });
    const document = await response.json();
    const { version } = document;
    // The PUT body is the case content (the contract's CaseContent).
    const content = Object.fromEntries(['actor', 'questions', 'rightsRiskAssessment', 'harm', 'signals', 'settings'].map((key) => [key, document[key]]));
    const signal = content.signals[0];
    if (!signal) return 'the case has no signal to copy';
    content.signals = Array.from({ length: signals }, (_, i) => ({
      ...signal,
      id: `bench-signal-${i}`,
      accounts: Array.from({ length: 5 }, (_, k) => `bench_acct_${(i * 37 + k * 101) % 2000}`),
    }));
    for (const category of Object.keys(content.harm)) {
      content.harm[category].evidence = Array.from({ length: evidencePerCategory }, (_, i) => ({
        id: `bench-${category}-${i}`,
        description: `Benchmark evidence item ${i}: a screenshot of coordinated posts, archived for the case file.`,
        observed: i % 2 === 0 ? 'on-platform' : 'off-platform',
        date: '2026-01-15',
        source: 'Benchmark archive',
        link: '',
        credibleSource: i % 3 !== 0,
      }));
    }
    const put = await fetch(`/api/cases/${caseId}`, { method: 'PUT', headers: { ...headers, 'If-Match': `"${version}"` }, body: JSON.stringify(content) });
    return put.ok ? null : `PUT ${put.status}: ${await put.text()}`;
  }, { caseId: CASE_ID, ...LARGE });
  if (error) throw new Error(`could not seed the large case: ${error}`);
}

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const rounds = [];
  const record = (round, taken) => {
    if (process.env.DUMP) console.log(round, taken.keydown.map((x) => x.toFixed(0)).join(' '));
    rounds.push({ round, fromKeydown: taken.keydown.toSorted((a, b) => a - b), fromInput: taken.input.toSorted((a, b) => a - b) });
  };

  await openCase(page);
  record('demo case, field not yet left', await typeRound(page, { leaveFirst: false }));
  record('demo case, field left once', await typeRound(page, { leaveFirst: true }));
  // Let the autosave send what was typed, so the seeding below is based on the latest version.
  await page.getByTestId('save-status').and(page.locator('[data-status="saved"]')).waitFor({ timeout: 30_000 });
  await seedLargeCase(page);
  await openCase(page);
  record(`${LARGE.signals} signals, ${LARGE.evidencePerCategory * 3} evidence items`, await typeRound(page, { leaveFirst: true }));
  await browser.close();

  console.log(`keystroke -> designation panel commit, ${THROTTLE}x CPU throttling, ${KEYSTROKES} keystrokes per round:`);
  for (const { round, fromKeydown, fromInput } of rounds) {
    for (const [clock, samples] of [['from keydown', fromKeydown], ['from input (form change)', fromInput]]) {
      if (samples.length === 0) throw new Error(`no panel commits were observed (${round})`);
      const p50 = quantile(samples, 0.5);
      const p95 = quantile(samples, 0.95);
      console.log(`  ${round.padEnd(38)} ${clock.padEnd(25)} p50 ${p50.toFixed(1).padStart(5)} ms   p95 ${p95.toFixed(1).padStart(5)} ms   max ${samples.at(-1).toFixed(1).padStart(6)} ms   (${samples.length} samples; goal: p95 <= 16 ms)`);
    }
  }
} finally {
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
}
