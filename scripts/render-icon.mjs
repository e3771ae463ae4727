// Renders resources/icon/icon.svg to the 1024 px PNG that electron-builder turns into each platform's icon.
// Run after editing the SVG: node scripts/render-icon.mjs (needs Chromium, as the browser tests do).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const svg = readFileSync('resources/icon/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.screenshot({ path: 'resources/icon/icon.png', omitBackground: true });
await browser.close();
