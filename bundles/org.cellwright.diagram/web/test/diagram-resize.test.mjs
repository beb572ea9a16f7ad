// Headless-browser test of the diagram's fit when its page is resized (the editor made smaller or larger in the IDE):
// Debian's Chromium (playwright-core) loads the page large, then makes it small: every node must be drawn inside the
// page and none under the tool palette (top right); made large again, the drawing grows back to its size at load.
// At 1400x900 the example's drawing fits at 1:1 clear of the palette, so it is centred in the page: before (diag32c)
// it was centred in the rows below the palette, wider than the column left of it, and sat in the lower middle.
// The server's first model (its request for the client's bounds, ELK's layout after it) is held 5 s at load, as under
// a loaded machine: the fit waits for the laid-out model whatever the server's pace.
// usage: node test/diagram-resize.test.mjs <page url> <screenshot.png>
import { args, checks, finish, fitChecks, launch, openDiagram } from './page.mjs';

const [url, screenshot] = args('diagram-resize.test.mjs', 'page url', 'screenshot.png');
const browser = await launch();
const logs = [];
const { check, failed } = checks();
const checkFits = fitChecks(check);
const settle = () => new Promise(r => setTimeout(r, 1500));
const width = d => Math.max(...d.nodes.map(n => n.r)) - Math.min(...d.nodes.map(n => n.x));
/**
 * Checks that the drawing's margins left and right, and above and below, are equal within 8 px (the nodes drawn are
 * 4 px off the box the fit centres; before diag32c the margins above and below were 491 and 195 px).
 */
const checkCentred = (d, what) => {
    const m = { left: Math.min(...d.nodes.map(n => n.x)), right: d.width - Math.max(...d.nodes.map(n => n.r)),
        top: Math.min(...d.nodes.map(n => n.y)), bottom: d.height - Math.max(...d.nodes.map(n => n.b)) };
    const f = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Math.round(v)]));
    check(Math.abs(m.left - m.right) <= 8 && Math.abs(m.top - m.bottom) <= 8, `${what}: the drawing is centred in the page (margins ${JSON.stringify(f)})`);
};
/** Holds the server's first model (a requestBounds action) and every message after it for 5 s. */
let modelsHeld = 0;
const holdTheFirstModel = page => page.routeWebSocket(/\/glsp$/, ws => {
    const server = ws.connectToServer();
    let held = null;
    server.onMessage(m => {
        if (modelsHeld === 0 && String(m).includes('"requestBounds"')) {
            modelsHeld++;
            held = [];
            setTimeout(() => { held.forEach(h => ws.send(h)); held = null; }, 5000);
        }
        if (held) held.push(m);
        else ws.send(m);
    });
});
try {
    const page = await openDiagram(browser, url, logs, 'LPSCl', holdTheFirstModel);
    await page.locator('.tool-palette').first().waitFor({ timeout: 30000 });
    await settle();
    check(modelsHeld === 1, `the server's first model was held 5 s (${modelsHeld})`);
    const large = await checkFits(page, 'at load (1400x900)');
    checkCentred(large, 'at load (1400x900)');

    await page.setViewportSize({ width: 520, height: 360 });
    await settle();
    const small = await checkFits(page, 'made small (520x360)');
    check(small.nodes.length === large.nodes.length, `made small, every node is drawn (${small.nodes.length} of ${large.nodes.length})`);
    await page.screenshot({ path: screenshot });
    check(width(small) < width(large), `made small, the drawing is zoomed out (${width(small).toFixed(0)} < ${width(large).toFixed(0)} px wide)`);

    await page.setViewportSize({ width: 1400, height: 900 });
    await settle();
    const again = await checkFits(page, 'made large again (1400x900)');
    checkCentred(again, 'made large again (1400x900)');
    check(again.nodes.length === large.nodes.length, `made large again, every node is drawn (${again.nodes.length} of ${large.nodes.length})`);
    check(Math.abs(width(again) - width(large)) < 2, `made large again, the drawing is as wide as at load (${width(again).toFixed(0)} vs ${width(large).toFixed(0)} px)`);
} catch (e) {
    check(false, 'error: ' + e.message);
}
await finish(browser, logs, failed);
