// Benchmark of the evidence board with 10,000 signals, in the real browser (msw-mode build, Debian
// Chromium): time to first render of the board, the longest main-thread task while the lanes scroll,
// frame gaps during the scroll, and the autosave round trip. Not a test: it measures and prints.
// Usage: node scripts/bench-board.mjs [signals]   (THROTTLE=4 to slow the CPU down 4x)
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const SIGNALS = Number(process.argv[2] ?? 10_000);
const PORT = Number(process.env.PORT ?? 4183);
const BASE = process.env.BENCH_URL ?? `http://localhost:${PORT}`;
const THROTTLE = Number(process.env.THROTTLE ?? 1);
/** A fast wheel: 300 px every frame (~18,000 px/s), 100 times per lane. */
const WHEEL_DELTA = 300;
const WHEEL_EVENTS = 100;

let server = null;
if (!process.env.BENCH_URL) {
  // A build of its own, so a parallel `playwright test` or bench using dist-msw is not disturbed.
  const outDir = mkdtempSync(join(tmpdir(), 'bench-board-'));
  execSync(`npx vite build --mode msw --outDir ${outDir} --emptyOutDir --logLevel error`, { stdio: 'inherit' });
  server = spawn('npx', ['vite', 'preview', '--mode', 'msw', '--outDir', outDir, '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
}

async function waitForServer() {
  for (let i = 0; i < 150; i += 1) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`preview server did not start on ${BASE}`);
}

const round = (ms) => Math.round(ms * 10) / 10;
const quantile = (values, q) => {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

/** Creates a case and fills it with `count` signals through the mock backend (deterministic). */
async function seedCase(page, count) {
  return page.evaluate(async (total) => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    const pick = (list) => list[Math.floor(random() * list.length)];
    const technical = ['multiple-accounts-same-message', 'technical-linkage', 'automation-bulk-posting', 'fake-engagement', 'trend-manipulation'];
    const social = ['organised-messaging-campaign', 'incitement-dogpiling', 'synchronised-posting', 'other-social'];
    const headers = { 'Content-Type': 'application/json', 'X-User-Id': 'ana' };
    const created = await fetch('/api/cases', {
      method: 'POST',
      headers,
      body: JSON.stringify({ actor: { kind: 'movement', name: `Bench ${total} signals`, purpose: 'Benchmark', activismContext: false } }),
    }).then((response) => response.json());
    const signals = Array.from({ length: total }, (_, index) => {
      const kind = random() < 0.5 ? 'technical' : 'social';
      const start = Date.UTC(2024, 0, 1) + Math.floor(random() * 300) * 86_400_000;
      return {
        id: `sig-${index}`,
        kind,
        technique: pick(kind === 'technical' ? technical : social),
        observed: random() < 0.7 ? 'on-platform' : 'off-platform',
        description: `Signal ${index}`,
        accounts: Array.from({ length: 1 + Math.floor(random() * 6) }, () => `acct_${Math.floor(random() * 2_000)}`).filter((a, i, all) => all.indexOf(a) === i),
        window: { start: new Date(start).toISOString(), end: new Date(start + 3_600_000 * (1 + Math.floor(random() * 48))).toISOString() },
        sources: random() < 0.6 ? [`https://reports.example/${index}`] : [],
        strength: pick(['weak', 'moderate', 'strong']),
        evidenceState: pick(['unverified', 'corroborated', 'sufficient']),
        origin: random() < 0.3 ? 'detected' : 'manual',
      };
    });
    const blank = { policyAreas: [], evidence: [], rubric: { magnitude: null, sources: null, likelihood: null }, severity: null, justification: '' };
    const content = {
      actor: created.actor,
      questions: { identifiableGroup: '', coordinatedActivity: '', harmAcrossCategories: '', risksOfApplying: '' },
      rightsRiskAssessment: '',
      harm: { physical: blank, psychological: blank, informational: blank },
      signals,
      settings: { visibilityLimitDays: 30, reviewIntervalDays: 90 },
    };
    const response = await fetch(`/api/cases/${created.id}`, { method: 'PUT', headers: { ...headers, 'If-Match': '"1"' }, body: JSON.stringify(content) });
    if (!response.ok) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
    return created.id;
  }, count);
}

/** In the page: collect long tasks (>50 ms) from now on. */
const LONG_TASKS = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: { width: 1680, height: 1050 } });
  await context.addInitScript(LONG_TASKS);
  const page = await context.newPage();
  await page.goto(`${BASE}/cases`);
  await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller && window.__chaMsw));
  const caseId = await seedCase(page, SIGNALS);

  if (THROTTLE > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  }

  // 1. Cold: navigation to the board until the first cards are painted (fetch, parse 10,000 signals, render).
  await page.goto(`${BASE}/cases/${caseId}/evidence`);
  await page.waitForFunction(() => document.querySelectorAll('[data-lane] article').length > 0, null, { timeout: 120_000 });
  const cold = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));

  // 2. Warm: from the click on the tab to the first cards painted (the case is already in memory).
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.locator('#field-rightsRiskAssessment').waitFor();
  const warm = await page.evaluate(async () => {
    const tab = [...document.querySelectorAll('[role="tab"]')].find((element) => element.textContent === 'Evidence board');
    const start = performance.now();
    tab.click();
    await new Promise((resolve) => {
      const check = () => (document.querySelector('[data-lane] article') ? resolve() : requestAnimationFrame(check));
      check();
    });
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const longest = Math.max(0, ...window.__longTasks.filter((task) => task.start >= start).map((task) => task.duration));
    return { ms: performance.now() - start, longest };
  });
  const lanes = await page.evaluate(() => [...document.querySelectorAll('[data-testid^="lane-count-"]')].map((element) => `${element.dataset.testid.slice(11)} ${element.textContent}`));
  const cardsInDom = await page.locator('[data-lane] article').count();

  // 3. Scroll every lane with the mouse wheel; record long tasks and frame gaps meanwhile.
  await page.evaluate(() => {
    window.__scrollStart = performance.now();
    window.__frames = [];
    let last = performance.now();
    const frame = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stopFrames) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const laneBoxes = await page.locator('[data-lane-scroll]').evaluateAll((lists) => lists.map((list) => {
    const box = list.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 200) };
  }));
  let wheelEvents = 0;
  for (const box of laneBoxes) {
    await page.mouse.move(box.x, box.y);
    for (let i = 0; i < WHEEL_EVENTS; i += 1) {
      await page.mouse.wheel(0, WHEEL_DELTA);
      wheelEvents += 1;
      await page.waitForTimeout(16);
    }
  }
  const scroll = await page.evaluate(async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    window.__stopFrames = true;
    const tasks = window.__longTasks.filter((task) => task.start >= window.__scrollStart);
    const scrolled = [...document.querySelectorAll('[data-lane-scroll]')].map((list) => Math.round(list.scrollTop));
    return { longest: Math.max(0, ...tasks.map((task) => task.duration)), longTasks: tasks.length, frames: window.__frames, scrolled };
  });

  // 4. Autosave round trip: keystroke -> "saving" -> "saved", on the 10,000-signal case and on a demo case.
  async function autosaveRoundTrips(path) {
    await page.goto(`${BASE}${path}`);
    const field = page.locator('#field-rightsRiskAssessment');
    await field.waitFor();
    await page.getByTestId('save-status').and(page.locator('[data-status="saved"]')).waitFor();
    const samples = [];
    for (let i = 0; i < 5; i += 1) {
      await field.click();
      const marks = page.evaluate(() => new Promise((resolve) => {
        const status = document.querySelector('[data-testid="save-status"]');
        const times = { key: performance.now() };
        new MutationObserver(() => {
          const state = status.getAttribute('data-status');
          if (state === 'saving' && !times.saving) times.saving = performance.now();
          if (state === 'saved' && times.saving) {
            times.saved = performance.now();
            resolve(times);
          }
        }).observe(status, { attributes: true, attributeFilter: ['data-status'] });
      }));
      await page.keyboard.type('x');
      const times = await marks;
      samples.push({ total: times.saved - times.key, request: times.saved - times.saving });
    }
    return samples;
  }
  const small = await autosaveRoundTrips('/cases/case-clearwater-week/overview');
  const autosave = await autosaveRoundTrips(`/cases/${caseId}/overview`);
  const field = page.locator('#field-rightsRiskAssessment');
  // Typing on the big case: the longest task per keystroke (the form clones its values for the panel).
  const typingStart = await page.evaluate(() => performance.now());
  await field.pressSequentially(' typing on a big case', { delay: 30 });
  const typing = await page.evaluate((start) => Math.max(0, ...window.__longTasks.filter((task) => task.start >= start).map((task) => task.duration)), typingStart);

  await browser.close();

  const frames = scroll.frames.slice(1);
  console.log(`\nEvidence board, ${SIGNALS.toLocaleString('en')} signals${THROTTLE > 1 ? `, CPU throttled ${THROTTLE}x` : ''} (Chromium, msw-mode build)`);
  console.log(`  lanes: ${lanes.join(' | ')}; cards in the DOM: ${cardsInDom}`);
  console.log(`  first render, cold (navigation -> cards painted, incl. fetch + parse): ${round(cold)} ms`);
  console.log(`  first render, warm (tab click -> cards painted): ${round(warm.ms)} ms; longest task: ${round(warm.longest)} ms`);
  console.log(`  scroll: ${wheelEvents} wheel events of ${WHEEL_DELTA} px, ~16 ms apart, over ${laneBoxes.length} lanes (scrolled to ${scroll.scrolled.join(', ')} px)`);
  console.log(`    longest main-thread task: ${round(scroll.longest)} ms; long tasks (>50 ms): ${scroll.longTasks}`);
  console.log(`    frame gaps: p50 ${round(quantile(frames, 0.5))} ms, p95 ${round(quantile(frames, 0.95))} ms, max ${round(Math.max(...frames))} ms`);
  for (const [label, samples] of [['this case', autosave], ['a demo case (1 signal)', small]]) {
    const totals = samples.map((sample) => sample.total);
    const requests = samples.map((sample) => sample.request);
    console.log(`  autosave on ${label} (keystroke -> saved, incl. 800 ms debounce): median ${round(quantile(totals, 0.5))} ms, max ${round(Math.max(...totals))} ms`);
    console.log(`    save itself (saving -> saved: validate, PUT, mock backend, answer): median ${round(quantile(requests, 0.5))} ms, max ${round(Math.max(...requests))} ms`);
  }
  console.log(`  typing on this case: longest task during 22 keystrokes: ${round(typing)} ms`);
} finally {
  if (server) process.kill(-server.pid);
}
