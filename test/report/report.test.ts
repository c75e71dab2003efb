import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ONE_THREAD, runCli, tempDir } from '../pipeline/cli-helpers.js';

const CHROMIUM = '/usr/bin/chromium';
/** The flags a headless Chromium needs on a machine without network, GPU or sandbox. */
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let output: string;
let html: string;

beforeAll(() => {
  output = path.join(tempDir('report'), 'out');
  expect(runCli([...ONE_THREAD, '--output', output, '--quiet']).status).toBe(0);
  const report = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/report/cli.ts', '--output', output], { encoding: 'utf8' });
  expect(report.status, report.stderr).toBe(0);
  html = readFileSync(path.join(output, 'report.html'), 'utf8');
});

describe('npm run report on the seeds output', () => {
  it('is self-contained: no script, stylesheet or image is fetched', () => {
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
  });

  it('has every section, each linking to a table file that exists', () => {
    for (const id of ['summary', 'entities', 'cooccurrence', 'entity_daily', 'claims', 'stories', 'sources']) expect(html).toContain(`id="${id}"`);
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(existsSync(path.join(output, link)), link).toBe(true);
  });

  it('draws the charts and the seeds’ troop figures', () => {
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(4);
    expect(html).toContain('troops (RU)');
    for (const figure of ['175,000', '90,000', '70,000', 'tens of thousands']) expect(html).toContain(figure);
  });

  it('exits 1 with a clear message for a folder without pipeline output', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/report/cli.ts', '--output', tempDir('empty')], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no pipeline output/);
  });
});

describe.skipIf(!existsSync(CHROMIUM))('the report in headless Chromium', () => {
  it('renders its charts without console errors', () => {
    const result = spawnSync(CHROMIUM, [...CHROMIUM_FLAGS, '--enable-logging=stderr', '--v=0', '--dump-dom', `file://${path.join(output, 'report.html')}`], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status, result.stderr.slice(-2000)).toBe(0);
    expect(result.stdout.match(/<svg /g)?.length).toBeGreaterThanOrEqual(4);
    expect(result.stderr).not.toMatch(/CONSOLE|Uncaught/);
  });

  it('takes a full-page screenshot with content', () => {
    const png = path.join(output, 'report.png');
    const result = spawnSync(CHROMIUM, [...CHROMIUM_FLAGS, `--screenshot=${png}`, '--window-size=1000,2600', `file://${path.join(output, 'report.html')}`], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status, result.stderr.slice(-2000)).toBe(0);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    // A blank page of this size compresses to a few kB; the charts and tables make it far larger.
    expect(statSync(png).size).toBeGreaterThan(60_000);
  });
});
