// Headless-browser test: the errors the diagram server reports are said in a user's words, the server's own detail
// kept under the line (Details). The page's websocket is routed through playwright, which lets the test send the
// server an action as a page of another version would (one of a kind the server does not know) and give the page's
// next Delete such a kind on its way:
// 1. an action that is no edit, unreadable (cellwrightNoSuchRequest): the server reports
//    an error (GLSP's MessageAction); the line says "The diagram server could not handle a request of the page
//    (HH:MM:SS). It was no edit: the file is not changed by it. If the diagram does not look right, reload it ...", in
//    the error red, not GLSP's text; Details opens on GLSP's message and the server's reason (naming the kind).
// 2. the Delete of Li, sent as deleteElementV2 (a kind the server does not know): the server answers the edit as refused (EditAnswer's
//    UnreadableHandler): "The delete was refused by the server (HH:MM:SS): the server could not read this edit, so
//    nothing was changed (...): reload the diagram and make the edit again.", Details naming deleteElementV2; the edit is answered (the page has no edit unanswered, so a pause would not name it); Li still drawn,
//    the file unchanged; a click on the line takes it and its Details away.
// 1b. a request the server knows by its kind that failed (requestMarkers, sent with a number among the names of its
//    elementsIDs: unreadable since session 41, EditAnswer.mistyped): the line names it, "The diagram server failed while
//    checking the model for problems (HH:MM:SS). It was no edit: ...", Details naming the field (screenshot
//    <screenshot>-request.png). Before session 41 the line said "could not handle a request of the page" for every
//    request (GLSP's message names none), and this one was read with 7 for the name "7" and did not fail at all.
// 3. a page opened on a file that is not there: "The diagram server failed while opening the diagram of the file (...)".
// Before (session 39) the server dropped both (its reader threw, lsp4j logged it): the line stayed empty, the Delete
// was never answered; and an error for no edit was said as GLSP's "[GLSP-Server] Could not process message: ...".
// usage: node test/diagram-server-errors.test.mjs <page url> <the page's .cell file> <screenshot.png>
import { readFileSync } from 'node:fs';
import { ERROR_COLOUR, args, checks, finish, launch, openDiagram, pollUntil, relay, statusLine } from './page.mjs';

const [url, file, screenshot] = args('diagram-server-errors.test.mjs', 'page url', 'file', 'screenshot.png');
const browser = await launch();
const logs = [];
const { check, failed } = checks();
// the line of an error for no edit whose request the server named in words
const failedWhile = words => new RegExp(`^The diagram server failed while ${words} \\((\\d\\d:\\d\\d:\\d\\d)\\)\\. It was no edit: the file is not changed by it\\. If the diagram does not look right, reload it \\(close and open the diagram, or reload the page\\)\\.$`);
const NO_EDIT = /^The diagram server could not handle a request of the page \((\d\d:\d\d:\d\d)\)\. It was no edit: the file is not changed by it\. If the diagram does not look right, reload it \(close and open the diagram, or reload the page\)\.$/;
const REFUSED = /^The delete was refused by the server \((\d\d:\d\d:\d\d)\): the server could not read this edit, so nothing was changed \(the page and the server may be of different versions\): reload the diagram and make the edit again\.$/;

// the page's websocket through playwright: toServer(action) sends an action as the page's client; with spoilDelete
// the page's next deleteElement is sent as deleteElementV2, a kind the server does not know
let toServer;
let spoilDelete = false;
let clientId;
const route = page => relay(page, (action, message, link) => {
    clientId ??= message?.params?.clientId;
    toServer = sent => link.toServer({ jsonrpc: '2.0', method: 'process', params: { clientId, action: sent } });
    if (!spoilDelete || action?.kind !== 'deleteElement') return false;
    spoilDelete = false;
    action.kind = 'deleteElementV2';
    link.toServer(message);
    return true;
});
const details = page => page.evaluate(() => {
    const d = document.getElementById('status-details');
    return { shown: !!d && !d.hidden && d.getBoundingClientRect().height > 0, open: !!d?.open, text: d?.querySelector('pre')?.textContent ?? '' };
});

try {
    const before = readFileSync(file, 'utf8');
    const page = await openDiagram(browser, url, logs, 'Li', route);
    await page.locator('.tool-palette').first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(1000);
    const label = name => page.locator('#sprotty svg .sprotty-label', { hasText: new RegExp(`^${name}$`) }).first();

    // 1. an error for no edit: said in words, GLSP's text under Details
    const from = (await statusLine(page)).clock;
    toServer({ kind: 'cellwrightNoSuchRequest' });
    const said = await pollUntil(page, statusLine, s => s.status !== '', 5000);
    const [, at] = NO_EDIT.exec(said.status) ?? [];
    check(at !== undefined && at >= from && at <= said.clock,
        `an error for no edit is said in words: what failed, that the file is unchanged, what to do (${JSON.stringify(said.status)})`);
    check(!said.status.includes('GLSP') && !said.status.includes('Could not process message'), 'not in GLSP\'s words');
    check(said.kind === 'error' && said.colour === ERROR_COLOUR, `as an error, in the error red (${said.kind}, ${said.colour})`);
    const folded = await details(page);
    check(folded.shown && !folded.open, `the server's detail is folded under the line (${JSON.stringify(folded)})`);
    await page.locator('#status-details summary').click();
    const opened = await details(page);
    check(opened.open && opened.text.includes('Could not process message') && opened.text.includes('The server could not read an action of the page (cellwrightNoSuchRequest: '),
        `Details shows the server's message and reason (${JSON.stringify(opened.text.slice(0, 300))})`);
    check((await statusLine(page)).status === said.status, 'opening Details keeps the line');

    // 1b. a request the server knows by its kind, failed: named in words
    const from1b = (await statusLine(page)).clock;
    toServer({ kind: 'requestMarkers', elementsIDs: ['material:Li', 7], reason: 'batch' });
    const named = await pollUntil(page, statusLine, s => s.status.startsWith('The diagram server failed'), 5000);
    const [, at1b] = failedWhile('checking the model for problems').exec(named.status) ?? [];
    check(at1b !== undefined && at1b >= from1b && at1b <= named.clock, `a failed request the server names is said by its name (${JSON.stringify(named.status)})`);
    check(named.kind === 'error' && named.colour === ERROR_COLOUR, `as an error, in the error red (${named.kind}, ${named.colour})`);
    await page.locator('#status-details summary').click();
    const namedDetails = await details(page);
    check(namedDetails.open && namedDetails.text.includes('(requestMarkers: elementsIDs: expected a list of which each item is a text, found ["material:Li",7])'),
        `Details says what the server could not read (${JSON.stringify(namedDetails.text.slice(0, 300))})`);
    await page.screenshot({ path: screenshot.replace(/\.png$/, '-request.png') });

    // 2. an edit the server cannot read: answered as refused, in words, the reader's message under Details
    spoilDelete = true;
    await label('Li').click();
    const from2 = (await statusLine(page)).clock;
    await page.keyboard.press('Delete');
    const refused = await pollUntil(page, statusLine, s => REFUSED.test(s.status), 5000);
    const [, at2] = REFUSED.exec(refused.status) ?? [];
    check(at2 !== undefined && at2 >= from2 && at2 <= refused.clock, `the unreadable Delete is said refused, in words (${JSON.stringify(refused.status)})`);
    check(refused.kind === 'error' && refused.colour === ERROR_COLOUR, `as an error, in the error red (${refused.kind}, ${refused.colour})`);
    const unanswered = await page.evaluate(() => window.cellwrightDiagram.unanswered());
    check(unanswered === 0, `the Delete was answered: no edit unanswered, none to name after a pause (${unanswered})`);
    await page.locator('#status-details summary').click();
    const why = await details(page);
    check(why.open && why.text.startsWith('deleteElementV2: '), `Details names the kind the server could not read and its reader's message (${JSON.stringify(why.text)})`);
    check(refused.labels.includes('Li') && readFileSync(file, 'utf8') === before, 'Li is still drawn and the file unchanged');
    await page.screenshot({ path: screenshot });

    // a click on the line takes it away, with its Details
    await page.locator('#status').click();
    const cleared = await pollUntil(page, statusLine, s => s.status === '', 3000);
    const gone = await details(page);
    check(cleared.status === '' && !gone.shown, `a click on the line takes it and its Details away (${JSON.stringify(cleared.status)}, ${JSON.stringify(gone)})`);
    check(readFileSync(file, 'utf8') === before, 'the file is unchanged');
    check(logs.some(l => l.startsWith('error: ') && l.includes('deleteElementV2: ')), 'the detail is in the browser\'s console too');

    // 3. a page of a file that is not there: the server failed opening its diagram, said so
    const missing = new URL(url);
    missing.searchParams.set('file', file.replace(/[^/]*$/, 'no-such-file.cell'));
    const other = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    other.on('pageerror', e => logs.push(`pageerror: ${e.message}`));
    await other.goto(missing.href);
    const opening = await pollUntil(other, statusLine, s => s.status.startsWith('The diagram server'), 30000);
    check(failedWhile('opening the diagram of the file').test(opening.status), `a page of a file that is not there says what failed (${JSON.stringify(opening.status)})`);
    await other.locator('#status-details summary').click();
    const notThere = await details(other);
    check(notThere.text.includes('not a .cell file: '), `Details gives the server's reason (${JSON.stringify(notThere.text.slice(0, 200))})`);
    check(!logs.some(l => l.startsWith('pageerror')), 'no page error: ' + logs.filter(l => l.startsWith('pageerror')).join('; '));
} catch (e) {
    check(false, 'the test ran: ' + e);
}
await finish(browser, logs, failed);
