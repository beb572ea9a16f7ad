// Headless-browser test: an edit the server refuses is said on the page with the server's reason. The Delete of LPSCl
// (a material still used by layer separator of cell BareSUS) is refused by the server (CellOperations.Delete; the
// server's answer of the edit carries the reason, EditAnswer.Answered's refused, and GLSP's dispatcher then reports the
// exception as a MessageAction of severity ERROR, which the page does not say again): the page's message line says "The delete was
// refused by the server (HH:MM:SS): material LPSCl is used by layer separator of cell BareSUS: change or delete that
// first.", in the error red, and it stays (3 s later too) until the next edit (an undo, with nothing to undo: answered,
// not refused, the line goes) or a click on it. The file is not changed.
// Before (session 39) the page dropped the server's message (GLSP's standalone client has no handler of its own for
// it): the Delete did nothing and the page said nothing.
// usage: node test/diagram-refused-edit.test.mjs <page url> <the page's .cell file> <screenshot.png>
import { readFileSync } from 'node:fs';
import { ERROR_COLOUR, args, checks, finish, launch, openDiagram, pollUntil, statusLine } from './page.mjs';

const [url, file, screenshot] = args('diagram-refused-edit.test.mjs', 'page url', 'file', 'screenshot.png');
const browser = await launch();
const logs = [];
const { check, failed } = checks();
const REASON = 'material LPSCl is used by layer separator of cell BareSUS: change or delete that first.';
const refusal = /^The delete was refused by the server \((\d\d:\d\d:\d\d)\): (.*)$/;

try {
    const before = readFileSync(file, 'utf8');
    const page = await openDiagram(browser, url, logs, 'LPSCl');
    await page.locator('.tool-palette').first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(1000);
    const label = name => page.locator('#sprotty svg .sprotty-label', { hasText: new RegExp(`^${name}$`) }).first();
    /** Deletes LPSCl, returning the page's clock before and after, and the line once it names the refusal (or after 5 s). */
    const deleteLPSCl = async () => {
        await label('LPSCl').click();
        const from = (await statusLine(page)).clock;
        await page.keyboard.press('Delete');
        const said = await pollUntil(page, statusLine, s => refusal.test(s.status), 5000);
        return { from, to: (await statusLine(page)).clock, said };
    };

    // 1. the refusal said: the server's reason, the edit named, when, in red
    const { from, to, said } = await deleteLPSCl();
    const [, at, reason] = refusal.exec(said.status) ?? [];
    check(reason === REASON && at >= from && at <= to,
        `the Delete of LPSCl refused: the line names the delete, when (${from}-${to}) and the server's reason (${JSON.stringify(said.status)})`);
    check(said.kind === 'error' && said.colour === ERROR_COLOUR, `the refusal is said as an error, in the error red (${said.kind}, ${said.colour})`);
    const box = await page.locator('#status').boundingBox();
    check(box !== null && box.width > 200 && box.height > 10 && box.y < 100, `the line is shown at the top of the page (${JSON.stringify(box)})`);
    check(said.labels.includes('LPSCl') && readFileSync(file, 'utf8') === before, 'LPSCl is still drawn and the file unchanged');
    await page.waitForTimeout(3000);
    const later = await statusLine(page);
    check(later.status === said.status, `the line stays 3 s later (${JSON.stringify(later.status)})`);
    await page.screenshot({ path: screenshot });

    // 2. the next edit takes the line away: an undo with nothing to undo (the server answers it, refusing nothing)
    await page.keyboard.press('Control+z');
    const cleared = await pollUntil(page, statusLine, s => s.status === '', 5000);
    await page.waitForTimeout(1000);
    const after = await statusLine(page);
    check(cleared.status === '' && after.status === '', `the next edit (Ctrl+Z, nothing to undo) takes the line away (${JSON.stringify(after.status)})`);

    // 3. refused again: said again; a click on the line takes it away
    const again = await deleteLPSCl();
    check(refusal.exec(again.said.status)?.[2] === REASON, `refused again, said again (${JSON.stringify(again.said.status)})`);
    await page.locator('#status').click();
    const clicked = await pollUntil(page, statusLine, s => s.status === '', 3000);
    check(clicked.status === '', `a click on the line takes it away (${JSON.stringify(clicked.status)})`);
    check(readFileSync(file, 'utf8') === before, 'the file is unchanged');
    check(!logs.some(l => l.startsWith('pageerror')), 'no page error: ' + logs.filter(l => l.startsWith('pageerror')).join('; '));
} catch (e) {
    check(false, 'the test ran: ' + e);
}
await finish(browser, logs, failed);
