// Browser tests on Debian's Chromium (never `playwright install`): see e2e/run.ts, which builds the app,
// starts the server on a fresh database and sets BASE_URL before running `playwright test`.
import { defineConfig } from "@playwright/test";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** The phone journey runs only in the phone projects. */
const TELEFONO = /telefono\.spec\.ts$/;
/** What the phone projects run: the phone journey, the main journeys D1 (CIGO, employer, to the receipt) and D3 (FIS,
 * intermediary, pagamento diretto confirmed and refused), the operators' desk with its requests, answers and decisions
 * (each project on its own seeded cases), the UniEmens-Cig flows (both widths), the cruscotti and the bank results of a
 * sent batch (one seeded batch per project); each of their pages
 * is measured at 360 px. */
const IN_TELEFONO = /(telefono|domanda-d1|domanda-d3|istruttoria-scrivania|istruttoria-decisione|istruttoria-risposta|flussi|cruscotto|esito-banca)\.spec\.ts$/;
const TELEFONO_360 = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

export default defineConfig({
  testDir: "e2e",
  testMatch: /.*\.spec\.ts$/,
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: "list",
  use: {
    baseURL: process.env.BASE_URL ?? "http://127.0.0.1:3000",
    locale: "it-IT",
    timezoneId: "Europe/Rome",
    headless: true,
    screenshot: "off",
    trace: "off",
    video: "off",
    launchOptions: { executablePath: CHROMIUM_PATH, args: chromiumArgs },
  },
  projects: [
    { name: "senza-js", use: { javaScriptEnabled: false }, testIgnore: TELEFONO },
    { name: "con-js", use: { javaScriptEnabled: true }, testIgnore: TELEFONO },
    // A 360×740 phone, with and without JavaScript: e2e/telefono.spec.ts walks every page of the applicant's journey
    // once, D1 and D3 run as on a desktop; the fixture fails a page that scrolls sideways at this width or that axe
    // faults (e2e/fixtures.ts).
    { name: "telefono-senza-js", use: { javaScriptEnabled: false, ...TELEFONO_360 }, testMatch: IN_TELEFONO },
    { name: "telefono-con-js", use: { javaScriptEnabled: true, ...TELEFONO_360 }, testMatch: IN_TELEFONO },
  ],
});
