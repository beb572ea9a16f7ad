// Headless-browser test of a double-click on a name while the page is redrawn (the text typed in the IDE, the file
// written by another program). The first click brings the clicked node to the front (sprotty moves it to the end of
// the drawing); a redraw in the server's order moved it back, taking it out of the page and putting it in again, and
// Chromium drops a click whose node left the page between its mousedown and mouseup: the double-click opened no edit.
// The test holds the server's redraw (its requestBounds and what follows) in the page from the file's change until
// the second mousedown, and lets it be drawn before the second mouseup, however fast or slow the machine is.
// usage: node test/diagram-redraw-click.test.mjs <page url> <the page's .cell file>
import { appendFileSync } from 'node:fs';
import { args, checks, finish, launch, openDiagram, pollUntil } from './page.mjs';

const [url, file] = args('diagram-redraw-click.test.mjs', 'page url', 'file');
const browser = await launch();
const logs = [];
const { check, failed } = checks();

// the page's websocket: once armed, the server's messages from the next requestBounds on are held until released
const holdRedraw = () => {
    window.cwHold = { armed: false, holding: false, held: [] };
    window.cwHold.release = () => {
        const held = window.cwHold.held;
        Object.assign(window.cwHold, { armed: false, holding: false, held: [] });
        held.forEach(f => f());
        return held.length;
    };
    const WebSocket = window.WebSocket;
    window.WebSocket = class extends WebSocket {
        addEventListener(type, listener, ...rest) {
            if (type !== 'message') return super.addEventListener(type, listener, ...rest);
            return super.addEventListener(type, event => {
                const hold = window.cwHold;
                if (hold.armed && event.data.includes('"requestBounds"')) hold.holding = true;
                if (hold.holding) hold.held.push(() => listener.call(this, event));
                else listener.call(this, event);
            }, ...rest);
        }
        set onmessage(listener) { this.addEventListener('message', listener); }
    };
};
const editShown = page => page.evaluate(() => {
    const e = document.querySelector('.label-edit input');
    return !!e && getComputedStyle(e).visibility === 'visible' && e.offsetParent !== null;
});

try {
    const page = await openDiagram(browser, url, logs, 'LPSCl', p => p.addInitScript(holdRedraw));
    const label = page.locator('#sprotty svg .sprotty-label', { hasText: /^LPSCl$/ }).first();
    // whether LPSCl's node is drawn last of the nodes (in front): the server draws it before others, a click brings it
    // to the front, and the redraw moved it back
    const isLast = () => page.evaluate(() => {
        const nodes = [...document.querySelectorAll('#sprotty svg .sprotty-node')].map(n => n.parentElement);
        const label = [...document.querySelectorAll('#sprotty svg .sprotty-label')].find(t => t.textContent === 'LPSCl');
        const node = nodes.filter(n => n.contains(label)).pop();
        return !nodes.some(n => !node.contains(n) && node.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    check(!(await isLast()), 'LPSCl is not the last node the server draws (else the test shows nothing)');
    const drawn = await page.evaluate(() => window.cellwrightDiagram.drawn());
    await page.evaluate(() => { window.cwHold.armed = true; });
    // the file changed on disk, once: the server redraws also when a request of the page read the change before its
    // watcher looked (before session 34's fix it was taken without a redraw, and the test wrote it up to 10 times)
    const holding = () => page.evaluate(() => window.cwHold.holding);
    appendFileSync(file, '\n');
    check(await pollUntil(page, holding, h => h, 15000), 'the server redraws for the file changed on disk');
    const box = await label.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.up();
    await page.mouse.down({ clickCount: 2 });
    check(await pollUntil(page, isLast, last => last, 5000), 'the first click brought LPSCl to the front');
    // the redraw: drawn between the second mousedown and its mouseup
    await page.evaluate(() => window.cwHold.release());
    await page.waitForFunction(n => window.cellwrightDiagram.drawn() > n, drawn, { timeout: 30000 });
    check(await isLast(), 'the redraw keeps LPSCl at the front');
    await page.mouse.up({ clickCount: 2 });
    check(await pollUntil(page, editShown, shown => shown, 5000), 'the double-click during the redraw opens the edit of LPSCl');
    await page.keyboard.press('Escape');
    check(!logs.some(l => l.startsWith('pageerror')), 'no page error: ' + logs.filter(l => l.startsWith('pageerror')).join('; '));
} catch (e) {
    check(false, 'the test ran: ' + e);
}
await finish(browser, logs, failed);
