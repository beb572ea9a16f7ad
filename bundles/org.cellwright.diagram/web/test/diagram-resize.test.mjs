// Headless-browser test of the diagram's fit when its page is resized (the editor made smaller or larger in the IDE):
// Debian's Chromium (playwright-core) loads the page large, then makes it small: every node must be drawn inside the
// page and none under the tool palette (top right); made large again, the drawing grows back to its size at load.
// usage: node test/diagram-resize.test.mjs <page url> <screenshot.png>
import { checks, finish, fitChecks, launch, openDiagram } from './page.mjs';

const [url, screenshot] = process.argv.slice(2);
if (!url || !screenshot) {
    console.error('usage: node test/diagram-resize.test.mjs <page url> <screenshot.png>');
    process.exit(2);
}
const browser = await launch();
const logs = [];
const { check, failed } = checks();
const checkFits = fitChecks(check);
const settle = () => new Promise(r => setTimeout(r, 1500));
const width = d => Math.max(...d.nodes.map(n => n.r)) - Math.min(...d.nodes.map(n => n.x));
try {
    const page = await openDiagram(browser, url, logs, 'LPSCl');
    await page.locator('.tool-palette').first().waitFor({ timeout: 30000 });
    await settle();
    const large = await checkFits(page, 'at load (1400x900)');

    await page.setViewportSize({ width: 520, height: 360 });
    await settle();
    const small = await checkFits(page, 'made small (520x360)');
    check(small.nodes.length === large.nodes.length, `made small, every node is drawn (${small.nodes.length} of ${large.nodes.length})`);
    await page.screenshot({ path: screenshot });
    check(width(small) < width(large), `made small, the drawing is zoomed out (${width(small).toFixed(0)} < ${width(large).toFixed(0)} px wide)`);

    await page.setViewportSize({ width: 1400, height: 900 });
    await settle();
    const again = await checkFits(page, 'made large again (1400x900)');
    check(again.nodes.length === large.nodes.length, `made large again, every node is drawn (${again.nodes.length} of ${large.nodes.length})`);
    check(Math.abs(width(again) - width(large)) < 2, `made large again, the drawing is as wide as at load (${width(again).toFixed(0)} vs ${width(large).toFixed(0)} px)`);
} catch (e) {
    check(false, 'error: ' + e.message);
}
await finish(browser, logs, failed);
