// Headless-browser test of a diagram page whose server is stopped and started again: the page is loaded through a TCP
// proxy that stops listening for 3 s (the page's reconnects refused, as by a server that is not running), then listens
// on the same port again. What the user had stays: the label edit they had open with the text typed into it, their
// viewport (zoomed with the mouse wheel) and selection, and the page says that the connection came back; Enter then
// renames over the new connection. When the edit's element is no longer in the file the server reads after the
// reconnect (renamed on disk meanwhile), the typed text is not dropped without a word: a line of its own under the
// message line names it and the element, until a later edit applies it (diagram-lost-name.test.mjs: Copy, close). Before (session 35) the page stopped trying after the first refused reconnect and never connected
// again; with the connection cut but the server up, the reconnect built a new diagram: the edit gone with its text,
// the viewport fitted again, the selection empty, nothing said.
// usage: node test/diagram-reconnect.test.mjs <page url> <the page's .cell file> <screenshot.png>
import { readFileSync, writeFileSync } from 'node:fs';
import { ERROR_COLOUR, args, checks, finish, launch, openThroughProxy, pollUntil } from './page.mjs';

const [url, file, screenshot] = args('diagram-reconnect.test.mjs', 'page url', 'file', 'screenshot.png');
const browser = await launch();
const logs = [];
const { check, failed } = checks();

/**
 * What the user sees: the label edit (its text, focused, over which label, its name check's class), the inputs, drawings
 * and palettes in the page, the viewport, the selection, and the page's message line.
 */
const state = page => page.evaluate(() => {
    const inputs = [...document.querySelectorAll('.label-edit input')];
    const e = inputs.find(i => getComputedStyle(i).visibility === 'visible' && i.offsetParent !== null);
    const box = e?.getBoundingClientRect();
    const labels = [...document.querySelectorAll('#sprotty svg .sprotty-label')];
    const under = box && labels.find(t => {
        const at = t.getBoundingClientRect();
        return Math.abs(box.top - at.top) < at.height && box.left <= at.left + at.width / 2 && at.left < box.right;
    });
    return {
        edit: e ? { value: e.value, focused: document.activeElement === e, over: under?.textContent ?? null,
            checked: [...e.parentElement.classList].filter(k => k.startsWith('validation-')).join(' ') } : null,
        edits: inputs.length,
        svgs: document.querySelectorAll('#sprotty svg').length,
        palettes: document.querySelectorAll('.tool-palette').length,
        viewport: document.querySelector('#sprotty svg > g')?.getAttribute('transform') ?? '',
        selected: [...document.querySelectorAll('#sprotty svg .selected')].map(n => n.id),
        status: document.getElementById('status')?.textContent ?? '',
        kind: document.getElementById('status')?.className ?? '',
        colour: getComputedStyle(document.getElementById('status')).color,
        // the lines of names typed that nothing applied, under the message line
        typed: [...document.querySelectorAll('#typed-names .typed-name')].map(l => ({ text: l.textContent, colour: getComputedStyle(l).color }))
    };
});
const labels = page => page.evaluate(() => [...document.querySelectorAll('#sprotty svg .sprotty-label')].map(t => t.textContent));

/** Opens the label edit of LPSCl by a double-click and types "Argyro" into it (the last letter as a key press), unapplied. */
async function typeArgyroOverLPSCl(page) {
    await page.locator('#sprotty svg .sprotty-label', { hasText: /^LPSCl$/ }).first().dblclick();
    await pollUntil(page, state, s => s.edit !== null, 15000);
    await page.locator('.label-edit input').first().fill('Argyr');
    await page.keyboard.type('o');
    await page.waitForTimeout(1000);
}

/**
 * Stops the server as the page sees it for away ms (the page's reconnects refused), runs meanwhile() then, starts it
 * again and waits until the page has connected again and drawn. While the server is away the page's waiting line says
 * so (before session 36 the page said nothing while it reconnected).
 */
async function stopAndStart(page, server, meanwhile, away = 3000) {
    const connections = server.connections();
    const drawn = await page.evaluate(() => window.cellwrightDiagram.drawn());
    await server.stop();
    const waiting = await pollUntil(page, state, s => s.kind === 'waiting', 3000);
    check(/^The diagram server is away since \d\d:\d\d:\d\d: the diagram is read-only until it is back/.test(waiting.status),
        `while the server is away the waiting line says so (${waiting.kind}: ${waiting.status})`);
    await page.waitForTimeout(away);
    await meanwhile?.();
    await server.start();
    const back = await pollUntil(page, () => server.connections(), n => n > connections, 30000);
    check(back > connections, `the page connects again once the server is back (${back - connections} connection(s))`);
    await page.waitForFunction(() => document.body.dataset.state === 'loaded', null, { timeout: 30000 });
    await pollUntil(page, p => p.evaluate(() => window.cellwrightDiagram.drawn()), n => n !== drawn, 30000);
    await page.waitForTimeout(1500);
}

try {
    const before = readFileSync(file, 'utf8');
    const { server, page } = await openThroughProxy(browser, url, logs, 'LPSCl');
    // the user's view: zoomed out with the wheel, LPSCl's edit open with a name typed (the double-click selects LPSCl)
    const atLoad = (await state(page)).viewport;
    await page.mouse.move(400, 400);
    await page.mouse.wheel(0, 100);
    await page.waitForFunction(t => document.querySelector('#sprotty svg > g')?.getAttribute('transform') !== t, atLoad, { timeout: 10000 });
    await page.waitForTimeout(500);
    await typeArgyroOverLPSCl(page);
    const user = await state(page);
    check(user.edit?.value === 'Argyro' && user.edit.over === 'LPSCl' && user.selected.some(id => id.endsWith('material:LPSCl')),
        `before: the edit of LPSCl with Argyro typed, LPSCl selected (${JSON.stringify(user)})`);

    // the server goes and comes back
    await stopAndStart(page, server);
    const said = (await state(page)).status;
    check(/connection to the server closed and is back/i.test(said), `the page says the connection came back (${said})`);
    const told = await state(page);
    check(told.kind === 'info' && told.colour !== ERROR_COLOUR, `the waiting line is gone, and the line that says the connection came back is information (${told.kind}, ${told.colour}), not in the error colour`);
    const after = await pollUntil(page, state, s => s.edit?.value === 'Argyro' && s.edit.over === 'LPSCl' && s.edit.checked !== '', 10000);
    check(after.edit?.value === 'Argyro' && after.edit.focused && after.edit.over === 'LPSCl',
        `after the reconnect the edit of LPSCl is open and focused with Argyro typed (${JSON.stringify(after.edit)})`);
    check(after.edit?.checked === 'validation-ok', `the server checked Argyro over the new connection (${after.edit?.checked})`);
    check(after.viewport === user.viewport, `the user's viewport is kept (${user.viewport} -> ${after.viewport})`);
    check(JSON.stringify(after.selected) === JSON.stringify(user.selected), `the selection is kept (${JSON.stringify(user.selected)} -> ${JSON.stringify(after.selected)})`);
    check(after.svgs === 1 && after.palettes === 1 && after.edits <= 2, `one drawing, one palette, one label edit (${after.svgs} svg, ${after.palettes} palettes, ${after.edits} inputs)`);
    await page.screenshot({ path: screenshot });
    // Enter renames over the new connection
    await page.keyboard.press('Enter');
    const renamed = await pollUntil(page, () => readFileSync(file, 'utf8'), t => t.includes('material Argyro '), 20000);
    check(renamed.includes('material Argyro ') && renamed.includes('separator: Argyro '), 'Enter after the reconnect renames LPSCl to Argyro in the file');
    await page.keyboard.press('Control+z');
    check(await pollUntil(page, () => readFileSync(file, 'utf8') === before, ok => ok, 20000), 'Ctrl+Z puts the file back');
    await pollUntil(page, labels, l => l.includes('LPSCl'), 20000);

    // the edit's element is renamed on disk while the server is gone: after the reconnect the typed text is said
    await typeArgyroOverLPSCl(page);
    await stopAndStart(page, server, () => writeFileSync(file, before.replaceAll('LPSCl', 'Sulfide')));
    await pollUntil(page, labels, l => l.includes('Sulfide'), 20000);
    const gone = await pollUntil(page, state, s => s.typed.some(t => t.text.includes('Argyro')), 10000);
    check(gone.edit === null, `no edit is open for the element that is gone (${JSON.stringify(gone.edit)})`);
    check(gone.typed.length === 1 && gone.typed[0].text.includes('Argyro') && gone.typed[0].text.includes('LPSCl') && gone.typed[0].colour === ERROR_COLOUR,
        `a line of its own keeps the typed text and names the element that is gone, in the error colour (${JSON.stringify(gone.typed)})`);
    check(/^The connection to the server closed and is back/.test(gone.status) && gone.kind === 'info',
        `the message line says the connection is back, as information (${gone.kind}: ${gone.status})`);
    check(readFileSync(file, 'utf8') === before.replaceAll('LPSCl', 'Sulfide'), 'nothing was applied to the file');
    // a click on the message line clears it, not the typed name's line; a click on the name selects it (Ctrl+C copies
    // it) and its line stays (its Copy and close buttons: diagram-lost-name.test.mjs)
    await page.locator('#status').click({ position: { x: 5, y: 5 } });
    const cleared = await state(page);
    check(cleared.status === '' && cleared.typed.length === 1, `a click on the message line clears it, the typed name's line stays (${JSON.stringify(cleared)})`);
    await page.locator('#typed-names .typed').click();
    const selected = await page.evaluate(() => window.getSelection().toString());
    check(selected === 'Argyro' && (await state(page)).typed.length === 1,
        `a click on the name typed selects it (Ctrl+C copies it) and its line stays (${selected})`);
    writeFileSync(file, before);
    await pollUntil(page, labels, l => l.includes('LPSCl'), 20000);

    // the connection cut, the server there but slow to answer (2.5 s for each attempt to connect; GLSP's reconnect
    // tries every second, and tried again while the last attempt was still connecting): one attempt at a time, one
    // new diagram, the edit kept with its text
    await typeArgyroOverLPSCl(page);
    const attempts = server.connections();
    const reconnects = () => logs.filter(l => l.includes('GLSPWebSocketProvider Reconnecting!')).length;
    const reconnected = reconnects();
    await stopAndStart(page, server, () => server.hold(2500), 0);
    await page.waitForTimeout(4000);
    check(server.connections() - attempts === 1 && reconnects() - reconnected === 1,
        `a server slow to answer: one attempt to connect at a time, one reconnect (${server.connections() - attempts} attempts reached it, ${reconnects() - reconnected} reconnects)`);
    const slow = await pollUntil(page, state, s => s.edit?.value === 'Argyro' && s.edit.checked !== '', 10000);
    check(slow.edit?.value === 'Argyro' && slow.edit.focused && slow.edit.over === 'LPSCl' && slow.edit.checked === 'validation-ok',
        `after the slow reconnect the edit of LPSCl is open with Argyro typed, checked (${JSON.stringify(slow.edit)})`);
    check(slow.svgs === 1 && slow.palettes === 1 && slow.edits <= 2, `one drawing, one palette, one label edit (${slow.svgs} svg, ${slow.palettes} palettes, ${slow.edits} inputs)`);
    // Enter applies Argyro, the name typed before that nothing applied: its line goes; Ctrl+Z puts the file back
    check(slow.typed.length === 1, `the name typed for LPSCl before is still kept (${JSON.stringify(slow.typed)})`);
    await page.keyboard.press('Enter');
    await pollUntil(page, () => readFileSync(file, 'utf8'), t => t.includes('material Argyro '), 20000);
    const applied = await pollUntil(page, state, s => s.typed.length === 0, 10000);
    check(applied.typed.length === 0, `once a later edit applies the name its line goes (${JSON.stringify(applied.typed)})`);
    await page.keyboard.press('Control+z');
    check(await pollUntil(page, () => readFileSync(file, 'utf8') === before, ok => ok, 20000), 'Ctrl+Z puts the file back');
    check(!logs.some(l => l.startsWith('pageerror')), 'no page error: ' + logs.filter(l => l.startsWith('pageerror')).join('; '));
} catch (e) {
    check(false, 'the test ran: ' + e);
}
await finish(browser, logs, failed);
