// Headless-browser test of a label edit's name check that fails: the page's websocket is routed through playwright,
// which answers the check with a rejectRequest (the server never sees it), then lets one pass to the server, then holds
// one and closes the connection. A failed check is an error on the edit ("The name could not be checked: <reason>.
// ..."), Enter does not apply that text nor ask again, typing asks again, Escape closes the edit. Before (session 34)
// the page took a failed check for an accepted name: the edit showed nothing and Enter applied the name without the
// server's answer.
// usage: node test/diagram-check-failed.test.mjs <page url> <the page's .cell file>
import { readFileSync } from 'node:fs';
import { args, checks, finish, launch, openDiagram, pollUntil } from './page.mjs';
import { checkLog, editState, failingChecks, openLabelEdit, refused, typeName } from './name-check.mjs';

const [url, file] = args('diagram-check-failed.test.mjs', 'page url', 'file');
const FAILED = 'The name could not be checked: ';
const browser = await launch();
const logs = [];
const { check, failed } = checks();
const route = failingChecks();
const until = (page, predicate, ms = 20000) => pollUntil(page, editState, predicate, ms);
const answered = x => x.classes !== '';
// Enter on the open edit: it stays open, the file unchanged, no check asked
async function enterRefused(page, before, what) {
    const asked = route.asked();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1000);
    const after = await editState(page);
    check(after.shown && (after.message ?? '').startsWith(FAILED), `Enter leaves the edit open with the failure shown (${what}: ${JSON.stringify(after)})`);
    check(readFileSync(file, 'utf8') === before, `Enter applies nothing (${what})`);
    check(route.asked() === asked, `Enter does not ask again (${what}: ${route.asked() - asked} asked)`);
}
async function escapeCloses(page, what) {
    await page.keyboard.press('Escape');
    check(!(await until(page, x => !x.shown, 5000)).shown, `Escape closes the edit (${what})`);
}

try {
    const before = readFileSync(file, 'utf8');
    const page = await openDiagram(browser, url, logs, 'LPSCl', route.route);
    await openLabelEdit(page, 'LPSCl', check);
    // the check rejected: an error with the reason on the edit; Enter refused
    route.fail('reject', 'refused by the page test');
    await typeName(page, 'Argyro');
    const rejected = await until(page, answered);
    check(refused(rejected, FAILED + 'refused by the page test.'), `a rejected check is an error on the edit (${JSON.stringify(rejected)})`);
    await enterRefused(page, before, 'rejected');
    // typing again asks again: the server's answer (Argyro2 is a name the rename takes)
    route.fail('pass');
    const asked = route.asked();
    await typeName(page, 'Argyro2');
    const ok = await until(page, x => x.classes === 'validation-ok');
    check(ok.classes === 'validation-ok' && route.asked() > asked, `typing again asks the server again (${JSON.stringify(ok)}, ${route.asked() - asked} asked)`);
    await escapeCloses(page, 'after the answer');
    // the connection closed while the check waits: an error on the edit; Enter refused; Escape closes it
    await openLabelEdit(page, 'LPSCl', check);
    route.fail('close', 500);
    await typeName(page, 'Argyro');
    const lost = await until(page, answered);
    check(refused(lost, FAILED + 'the connection to the server closed.'), `a connection closed before the answer is an error on the edit (${JSON.stringify(lost)})`);
    await enterRefused(page, before, 'connection closed');
    await escapeCloses(page, 'connection closed');
    check(readFileSync(file, 'utf8') === before, 'nothing was applied');
    checkLog(check, logs);
} catch (e) {
    check(false, 'the test ran: ' + e);
}
await finish(browser, logs, failed);
