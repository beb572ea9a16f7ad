// What the diagram page tests share: Debian's Chromium (playwright-core), a check that logs and counts failures, and
// the page loaded until the diagram is drawn with a label.
import { chromium } from 'playwright-core';

export const launch = () => chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });

/** ok/FAILED lines on stdout; failed() says whether any check failed. */
export function checks() {
    let failed = false;
    return {
        check: (ok, what) => {
            console.log((ok ? 'ok: ' : 'FAILED: ') + what);
            if (!ok) failed = true;
        },
        failed: () => failed
    };
}

/** A 1400x900 page on the url, its console and errors collected into logs, loaded until the label is drawn. */
export async function openDiagram(browser, url, logs, label) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', m => logs.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', e => logs.push(`pageerror: ${e.message}`));
    await page.goto(url);
    await page.waitForSelector('body[data-state="loaded"]', { timeout: 60000 });
    await page.waitForFunction(l => [...document.querySelectorAll('#sprotty svg .sprotty-label')].some(t => t.textContent === l), label, { timeout: 60000 });
    return page;
}

/** Closes the browser, prints the page's log when a check failed, and exits with 1 then (0 otherwise). */
export async function finish(browser, logs, failed) {
    await browser.close();
    if (failed()) console.error(logs.join('\n'));
    process.exit(failed() ? 1 : 0);
}
