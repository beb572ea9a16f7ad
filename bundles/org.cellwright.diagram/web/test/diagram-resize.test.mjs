// Headless-browser test of the diagram's fit when its page is resized (the editor made smaller or larger in the IDE):
// Debian's Chromium (playwright-core) loads the page large, then makes it small: every node must be drawn inside the
// page and none under the tool palette (top right); made large again, the drawing grows back to its size at load.
// usage: node test/diagram-resize.test.mjs <page url> <screenshot.png>
import { checks, finish, launch, openDiagram } from './page.mjs';

const [url, screenshot] = process.argv.slice(2);
if (!url || !screenshot) {
    console.error('usage: node test/diagram-resize.test.mjs <page url> <screenshot.png>');
    process.exit(2);
}
const browser = await launch();
const logs = [];
const { check, failed } = checks();
// the screen boxes of the visible nodes and of the palette
const boxes = page => page.evaluate(() => {
    const r = e => { const b = e.getBoundingClientRect(); return { x: b.left, y: b.top, r: b.right, b: b.bottom }; };
    const palette = document.querySelector('.tool-palette');
    return {
        nodes: [...document.querySelectorAll('#sprotty svg .sprotty-node')].map(n => ({ id: n.parentElement.id, ...r(n) })),
        palette: palette && palette.offsetParent !== null ? r(palette) : null,
        width: window.innerWidth,
        height: window.innerHeight
    };
});
const overlaps = (a, b) => a.x < b.r && b.x < a.r && a.y < b.b && b.y < a.b;
const settle = () => new Promise(r => setTimeout(r, 1500));
async function checkFits(page, what) {
    const d = await boxes(page);
    const outside = d.nodes.filter(n => n.x < 0 || n.y < 0 || n.r > d.width || n.b > d.height).map(n => n.id);
    check(d.nodes.length > 0 && outside.length === 0, `${what}: every node inside the ${d.width}x${d.height} page` + (outside.length ? ' (outside: ' + outside.join(', ') + ')' : ''));
    const covered = d.palette ? d.nodes.filter(n => overlaps(n, d.palette)).map(n => n.id) : [];
    check(d.palette !== null, `${what}: the palette is shown`);
    check(covered.length === 0, `${what}: no node under the palette` + (covered.length ? ' (covered: ' + covered.join(', ') + ')' : ''));
    return d;
}
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
