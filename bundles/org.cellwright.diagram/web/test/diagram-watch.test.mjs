// Headless-browser test of a diagram page in an ordinary browser when its file changes on disk (another editor, git):
// the page draws the new text without a reload, and the viewport the user chose (zoomed out with the mouse wheel) stays.
// Before, the page drew the file as it was at load until the next edit in it.
// usage: node test/diagram-watch.test.mjs <page url> <the page's .cell file> <screenshot.png>
import { appendFileSync } from 'node:fs';
import { args, checks, finish, launch, openDiagram } from './page.mjs';

const [url, file, screenshot] = args('diagram-watch.test.mjs', 'page url', 'file', 'screenshot.png');
const browser = await launch();
const logs = [];
const { check, failed } = checks();
const viewport = page => page.evaluate(() => document.querySelector('#sprotty svg > g')?.getAttribute('transform') ?? '');
const labels = page => page.evaluate(() => [...document.querySelectorAll('#sprotty svg .sprotty-label')].map(t => t.textContent));
try {
    const page = await openDiagram(browser, url, logs, 'LPSCl');
    await page.locator('.tool-palette').first().waitFor({ timeout: 30000 });
    await new Promise(r => setTimeout(r, 1500));
    // the user zooms out with the mouse wheel over the drawing: a viewport of their own (zoomed out, so that a node
    // placed anywhere is still drawn: sprotty draws only what is in view)
    const atLoad = await viewport(page);
    await page.mouse.move(400, 400);
    await page.mouse.wheel(0, 100);
    await page.waitForFunction(t => document.querySelector('#sprotty svg > g')?.getAttribute('transform') !== t, atLoad, { timeout: 10000 });
    await new Promise(r => setTimeout(r, 500));
    const chosen = await viewport(page);
    check(chosen !== atLoad, `the wheel changed the viewport (${atLoad} -> ${chosen})`);
    // another program writes the file
    appendFileSync(file, '\nmaterial WrittenElsewhere is solid-electrolyte {\n}\n');
    await page.waitForFunction(() => [...document.querySelectorAll('#sprotty svg .sprotty-label')].some(t => t.textContent === 'WrittenElsewhere'),
        null, { timeout: 30000 });
    check(true, 'the material written on disk is drawn without a reload');
    check((await labels(page)).includes('LPSCl'), 'the rest of the drawing stays');
    const after = await viewport(page);
    check(after === chosen, `the user's viewport is kept (${chosen} -> ${after})`);
    await page.screenshot({ path: screenshot });
} catch (e) {
    check(false, 'error: ' + e.message);
}
await finish(browser, logs, failed);
