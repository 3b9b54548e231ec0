// GraphiQL on an isolated network: headless Chromium, with every host but 127.0.0.1 unresolvable,
// loads the page from the server alone, shows the docs for the token's role and runs a query.
// Skipped outside CI where the machine has no Chromium (.ci/run installs Debian's `chromium`).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../lib/server.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = fileURLToPath(new URL('../generated/graphiql.png', import.meta.url));

let server;
let browser;
before(async () => {
  if (!existsSync(CHROMIUM)) return;
  server = await startServer({ CHENGXIN_GRAPHIQL: 'true' });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Only this machine resolves: a CDN would be unreachable, as on a government intranet.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('GraphiQL loads offline, shows the role’s docs and runs a query', { skip: !existsSync(CHROMIUM) && !process.env.CI && 'no Chromium here' }, async () => {
  const context = await browser.newContext({
    extraHTTPHeaders: { authorization: `Bearer ${server.tokens.CREDIT_OFFICE}` },
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  const elsewhere = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(server.base)) elsewhere.push(request.url());
  });
  const failed = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  const query = '{ me { role } units(first: 3) { totalCount edges { node { name } } } }';
  await page.goto(`${server.url}#query=${encodeURIComponent(query)}`);
  await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
  // The docs, for the token's role: the credit office sees the rectification queue.
  await page.locator('[aria-label="Show Documentation Explorer"]').click();
  await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().click();
  await page.locator('.graphiql-doc-explorer').getByText('rectifications', { exact: true }).first().waitFor();
  // Run the query.
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.result-window').getByText('CREDIT_OFFICE').waitFor({ timeout: 30_000 });
  const result = await page.locator('.result-window').innerText();
  assert.match(result, /"totalCount"/);
  mkdirSync(fileURLToPath(new URL('../generated/', import.meta.url)), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  assert.deepEqual(elsewhere, [], 'nothing was asked of any other host');
  assert.deepEqual(failed, [], 'every request succeeded');
  await context.close();
});
