// Headless-browser test of the diagram page: Debian's Chromium driven by playwright-core loads the page served by
// the Java GLSP server and checks the rendered SVG: one node per expected element, its label, edges drawn.
// usage: node test/diagram-page.test.mjs <page url> <screenshot.png> <label>...
import { args, launch } from './page.mjs';

const [url, screenshot, ...labels] = args('diagram-page.test.mjs', 'page url', 'screenshot.png', 'label...');
const browser = await launch();
let failed = false;
try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const logs = [];
    page.on('console', m => logs.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', e => logs.push(`pageerror: ${e.message}`));
    await page.goto(url);
    try {
        await page.waitForSelector('body[data-state="loaded"]', { timeout: 60000 });
        // the server lays the graph out after the client measured the labels: wait until every label is drawn
        await page.waitForFunction(
            expected => {
                const texts = new Set([...document.querySelectorAll('#sprotty svg .sprotty-label')].map(t => t.textContent));
                return expected.every(l => texts.has(l));
            },
            labels,
            { timeout: 60000 }
        );
    } catch (e) {
        console.error('page did not render the expected labels: ' + e.message);
        console.error(logs.join('\n'));
        failed = true;
    }
    const drawn = await page.evaluate(() => ({
        // the visible diagram only: sprotty measures labels in a hidden copy (#sprotty_hidden)
        // a node view: <g id=... transform=...><rect class="sprotty-node"/><text class="sprotty-label">name</text>...</g>
        nodes: [...document.querySelectorAll('#sprotty svg .sprotty-node')].map(shape => shape.parentElement).map(g => ({
            id: g.id,
            label: g.querySelector('.sprotty-label')?.textContent ?? '',
            transform: g.getAttribute('transform') ?? ''
        })),
        edges: document.querySelectorAll('#sprotty svg .sprotty-edge').length,
        status: document.getElementById('status')?.textContent ?? ''
    }));
    await page.screenshot({ path: screenshot });
    console.log(JSON.stringify(drawn));
    const missing = labels.filter(l => !drawn.nodes.some(n => n.label === l));
    if (missing.length > 0) {
        console.error('missing nodes: ' + missing.join(', '));
        failed = true;
    }
    // laid out: nodes at distinct positions (not all at the origin)
    const positions = new Set(drawn.nodes.map(n => n.transform));
    if (positions.size < drawn.nodes.length) {
        console.error('nodes share positions: ' + JSON.stringify(drawn.nodes.map(n => n.transform)));
        failed = true;
    }
    if (drawn.edges === 0) {
        console.error('no edges drawn');
        failed = true;
    }
} finally {
    await browser.close();
}
process.exit(failed ? 1 : 0);
