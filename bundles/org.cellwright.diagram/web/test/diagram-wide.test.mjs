// Headless-browser test of the fit of a wide drawing (a cell with a 70-character name and 14 layers): at load, and
// after the page settled, every node is drawn inside the page and none under the tool palette (top right). Before,
// the materials' column was drawn under the palette: the fit chose the area below the palette while the palette was
// still being filled, and the palette then grew over the drawing.
// usage: node test/diagram-wide.test.mjs <page url> <screenshot.png> <a label of the drawing>
import { args, checks, finish, fitChecks, launch, openDiagram } from './page.mjs';

const [url, screenshot, label] = args('diagram-wide.test.mjs', 'page url', 'screenshot.png', 'label');
const browser = await launch();
const logs = [];
const { check, failed } = checks();
const checkFits = fitChecks(check);
try {
    const page = await openDiagram(browser, url, logs, label);
    await page.locator('.tool-palette').first().waitFor({ timeout: 30000 });
    // the page settled: no viewport change for a while (each change starts the wait again)
    await page.evaluate(() => new Promise(resolve => {
        const svg = document.querySelector('#sprotty svg > g');
        let last = svg ? svg.getAttribute('transform') : '', quiet = 0;
        const tick = () => {
            const now = svg ? svg.getAttribute('transform') : '';
            quiet = now === last ? quiet + 1 : 0;
            last = now;
            if (quiet >= 20) resolve(); else setTimeout(tick, 100);
        };
        tick();
    }));
    await page.screenshot({ path: screenshot });
    await checkFits(page, 'a wide drawing at load (1400x900)');
} catch (e) {
    check(false, 'error: ' + e.message);
}
await finish(browser, logs, failed);
