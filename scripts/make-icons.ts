// Renders the toolbar icon (a shield with a check-box cut) from SVG to the PNG sizes browsers want.
// Run once after changing the drawing: `node --import tsx scripts/make-icons.ts`.
import { chromium } from 'playwright-core';
import { findChrome } from './chrome-path.mjs';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <path d="M64 6 L114 24 V62 C114 92 92 114 64 122 C36 114 14 92 14 62 V24 Z" fill="#0b57d0"/>
  <path d="M64 18 L102 32 V62 C102 85 86 102 64 109 Z" fill="#1a73e8"/>
  <rect x="38" y="44" width="52" height="40" rx="6" fill="#fff"/>
  <path d="M38 56 H90" stroke="#0b57d0" stroke-width="6"/>
  <path d="M52 70 L60 78 L78 60" fill="none" stroke="#188038" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const browser = await chromium.launch({ executablePath: findChrome() ?? undefined, args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}</style>${SVG.replace('<svg ', `<svg width="${size}" height="${size}" `)}`,
  );
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
}
await browser.close();
