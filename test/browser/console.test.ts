/**
 * The web console in a real browser: playwright-core drives Debian's Chromium (scripts/ensure-browser-deps.sh
 * installs it) against a live server with data. A share group's bar follows records being acquired and
 * accepted over gRPC, the record inspector shows a record's state, delivery count, holder and value, offsets
 * are reset through the UI (with the confirmation accepted), and a screenshot is saved to
 * test-artifacts/console.png.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { OK, ack, acknowledge, fetchRecords, join, produce, setupGroup } from '../helpers/share-helpers.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const CHROMIUM = '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps calling out to a network this sandbox does not have.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const WAIT = { timeout: 10_000 };
const ARTIFACT = 'test-artifacts/console.png';

const topic = 'orders';
const group = 'workers';
const readers = 'readers';

describe('web console in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let page: Page;
  let member: string;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  /** The data-* attributes of the share-partition's bar row. */
  const bar = () => page.locator(`.sp[data-group="${group}"][data-topic="${topic}"][data-partition="0"]`);
  /** Waits until the bar row's data attributes match (the live feed updates them about every second). */
  const waitForBar = (expected: Record<string, number>) =>
    page.waitForFunction(
      ([sel, exp]) => {
        // Runs in the page (this project's type check has no DOM library).
        const el = (globalThis as any).document.querySelector(sel) as { dataset: Record<string, string> } | null;
        return !!el && Object.entries(exp).every(([k, v]) => el.dataset[k] === String(v));
      },
      [`.sp[data-group="${group}"][data-topic="${topic}"][data-partition="0"]`, expected] as const,
      WAIT,
    );
  /** The values of the Chart.js datasets drawn for the bar, by segment label. */
  const chartValues = () =>
    bar()
      .locator('canvas')
      .evaluate((canvas) => {
        const chart = (globalThis as any).Chart.getChart(canvas);
        return Object.fromEntries(chart.data.datasets.map((d: { label: string; data: number[] }) => [d.label, d.data[0]]));
      });

  beforeAll(async () => {
    execFileSync('bash', ['scripts/ensure-browser-deps.sh'], { stdio: 'inherit', timeout: 600_000 });
    t = await startTestServer({ metricsListen: '127.0.0.1:0' });
    const c = t.clients;
    await setupGroup(c, {
      topic,
      group,
      records: Array.from({ length: 20 }, (_, i) => ({ key: Buffer.from(`customer-${i % 4}`), value: Buffer.from(JSON.stringify({ order: i, item: 'book' })) })),
    });
    member = (await join(c, group, [topic])).memberId;
    // A consumer group that committed offset 8 and left.
    let m = await c.consumer.Heartbeat({ groupId: readers, memberEpoch: 0, topics: [topic] });
    for (let i = 0; i < 5 && m.assignment.length === 0; i++) {
      m = await c.consumer.Heartbeat({ groupId: readers, memberId: m.memberId, memberEpoch: m.memberEpoch, topics: [] });
    }
    await c.consumer.CommitOffsets({ groupId: readers, memberId: m.memberId, memberEpoch: m.memberEpoch, offsets: [{ topic, partition: 0, offset: 8 }] });
    await c.consumer.Heartbeat({ groupId: readers, memberId: m.memberId, memberEpoch: -1 });
    // For a screenshot with every state: a second share group over 3 partitions with records accepted, rejected
    // (archived), released with a delay, held, and not read yet.
    await setupGroup(c, { topic: 'payments', group: 'billing', partitions: 3 });
    for (const p of [0, 1, 2]) await produce(c, 'payments', Array.from({ length: 12 + 4 * p }, (_, i) => ({ value: Buffer.from(`payment ${p}-${i}`) })), p);
    const billing = (await join(c, 'billing', ['payments'])).memberId;
    const held = await fetchRecords(c, 'billing', billing, 24);
    expect(held.length).toBeGreaterThan(0);
    const acks = [0, 1, 2].flatMap((p) => [
      { ...ack('payments', 1, 2, 'ACCEPT'), partition: p },
      { ...ack('payments', 4, 4 + p, 'ACCEPT'), partition: p },
      { ...ack('payments', 3, 3, 'REJECT', { reason: 'card declined' }), partition: p },
      { ...ack('payments', 6, 6, 'RELEASE', { releaseDelayMs: 600_000 }), partition: p },
    ]);
    const owned = acks.filter((a) => held.some((r) => r.partition === a.partition && r.offset >= a.firstOffset && r.offset <= a.lastOffset));
    await acknowledge(c, 'billing', billing, owned);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      // The browser logs every 4xx answer too; the refused reset below is one on purpose.
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) pageErrors.push(msg.text());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.accept();
    });
    await page.goto(`http://${t.server.metricsAddress}/`, WAIT);
  }, 660_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('lists the topic with its offsets', async () => {
    const row = page.locator(`#topics-body tr[data-topic="${topic}"][data-partition="0"]`);
    await row.waitFor(WAIT);
    await expect.poll(() => row.locator('td').allTextContents(), WAIT).toEqual([topic, '0', '0', '20', '20', expect.stringMatching(/B$/)]);
    await expect.poll(() => page.locator('#status').getAttribute('data-state'), WAIT).toBe('live');
  });

  it('shows the consumer group with its committed offset and lag', async () => {
    const row = page.locator(`.consumer-group[data-group="${readers}"] tr[data-topic="${topic}"]`);
    await row.waitFor(WAIT);
    expect(await row.locator('.committed').textContent()).toBe('8');
    expect(await row.locator('.lag').textContent()).toBe('12');
  });

  it("follows the share group's bar as records are acquired and accepted", async () => {
    await waitForBar({ available: 20, acquired: 0, acknowledged: 0, startOffset: 0, endOffset: 20 });
    expect(await chartValues()).toMatchObject({ Available: 20, Acquired: 0, Acknowledged: 0 });

    const got = await fetchRecords(t.clients, group, member, 5);
    expect(got.map((r) => r.offset)).toEqual([0, 1, 2, 3, 4]);
    await waitForBar({ available: 15, acquired: 5 });
    expect(await chartValues()).toMatchObject({ Available: 15, Acquired: 5 });

    expect(await acknowledge(t.clients, group, member, [ack(topic, 0, 4, 'ACCEPT')])).toMatchObject([{ error: OK }]);
    // Accepting the first records moves the share-partition's start offset past them.
    await waitForBar({ acquired: 0, available: 15, startOffset: 5 });
    expect(await chartValues()).toMatchObject({ Acquired: 0, Available: 15 });
    await expect.poll(() => page.locator(`.share-group[data-group="${group}"] .rate-acquired`).textContent(), WAIT).toMatch(/\/s$/);
  });

  it("inspects records: state, delivery count, holder and a value preview", async () => {
    const got = await fetchRecords(t.clients, group, member, 2);
    expect(got.map((r) => r.offset)).toEqual([5, 6]);
    await waitForBar({ acquired: 2 });
    await bar().getByRole('button', { name: 'inspect' }).click();
    const row = page.locator('#inspector-body tr[data-offset="5"]');
    await row.waitFor(WAIT);
    const cells = await row.locator('td').allTextContents();
    expect(cells[1]).toBe('ACQUIRED');
    expect(cells[2]).toBe('1');
    expect(cells[3]).toBe(member);
    expect(cells[4]).toMatch(/in \d+s/);
    expect(cells[5]).toBe('customer-1');
    expect(cells[6]).toBe('{"order":5,"item":"book"}');
    expect(await page.locator('#inspector-body tr[data-offset="7"] td').nth(1).textContent()).toBe('AVAILABLE');
    await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
    await page.screenshot({ path: ARTIFACT, fullPage: true });
    expect(fs.statSync(ARTIFACT).size).toBeGreaterThan(10_000);
  });

  it('resets the share group to the earliest offset through the UI, after the member left', async () => {
    const card = page.locator(`.share-group[data-group="${group}"]`);
    // With a member the reset is refused (409, GROUP_NOT_EMPTY) and the dialog says so.
    await card.getByRole('button', { name: 'Reset offsets…' }).click();
    await page.locator('#action-dialog select[name="topic"]').selectOption(topic);
    await page.locator('#action-dialog select[name="kind"]').selectOption('earliest');
    await page.locator('#action-apply').click();
    await expect.poll(() => page.locator('#action-result').textContent(), WAIT).toMatch(/^GROUP_NOT_EMPTY: /);
    await page.locator('#action-close').click();

    await t.clients.share.Heartbeat({ groupId: group, memberId: member, memberEpoch: -1 });
    await card.getByText('0 members').waitFor(WAIT);
    await card.getByRole('button', { name: 'Reset offsets…' }).click();
    await page.locator('#action-dialog select[name="kind"]').selectOption('earliest');
    await page.locator('#action-preview').click();
    await expect.poll(async () => JSON.parse((await page.locator('#action-result').textContent()) ?? '{}'), WAIT).toEqual({
      groupId: group,
      dryRun: true,
      partitions: [{ partition: 0, previousOffset: 5, newOffset: 0 }],
    });
    const before = dialogs.length;
    await page.locator('#action-apply').click();
    await expect.poll(async () => (await page.locator('#action-result').textContent()) ?? '', WAIT).toContain('"dryRun": false');
    expect(dialogs.length).toBe(before + 1);
    expect(dialogs.at(-1)).toMatch(/Reset the offsets of "workers" on topic "orders" to earliest/);
    await page.locator('#action-close').click();
    await waitForBar({ startOffset: 0, available: 20, acquired: 0, acknowledged: 0 });
  });

  it('resets a consumer group by a shift through the UI', async () => {
    await page.locator(`.consumer-group[data-group="${readers}"]`).getByRole('button', { name: 'Reset offsets…' }).click();
    await page.locator('#action-dialog select[name="kind"]').selectOption('shift');
    await page.locator('#action-dialog input[name="value"]').fill('-3');
    await page.locator('#action-apply').click();
    await expect.poll(async () => (await page.locator('#action-result').textContent()) ?? '', WAIT).toContain('"newOffset": 5');
    await page.locator('#action-close').click();
    const committed = page.locator(`.consumer-group[data-group="${readers}"] tr[data-topic="${topic}"] .committed`);
    await expect.poll(() => committed.textContent(), WAIT).toBe('5');
  });

  it('ran without script errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
