// Headless-browser test of a label edit's name check whose answer comes late (the server busy): the page's websocket
// is routed through playwright, which holds each of the server's answers to the check (setEditValidationResult) for
// 3 s, longer than the 2 s GLSP's own validator waited. The refusal of a taken name is shown when the answer comes,
// and nothing is logged; an answer for an edit closed meanwhile is dropped: the edit opened next shows no old refusal.
// Before (session 33), the validator gave up after 2 s and took the name for valid, and the answer, finding no
// request, was dispatched as an action of its own: "Missing handler for action 'setEditValidationResult'".
// usage: node test/diagram-late-validation.test.mjs <page url> <the page's .cell file>
import { readFileSync } from 'node:fs';
import { args, checks, finish, launch, openDiagram, pollUntil } from './page.mjs';
import { checkLog, editState, holdingAnswers, openLabelEdit, refused, typeName } from './name-check.mjs';

const [url, file] = args('diagram-late-validation.test.mjs', 'page url', 'file');
const HELD_MS = 3000;
const browser = await launch();
const logs = [];
const { check, failed } = checks();
const answers = holdingAnswers(HELD_MS);
const until = (page, predicate, ms = 15000) => pollUntil(page, editState, predicate, ms);

try {
    const before = readFileSync(file, 'utf8');
    const page = await openDiagram(browser, url, logs, 'LPSCl', answers.route);
    const label = await openLabelEdit(page, 'LPSCl', check);
    // a taken name: its refusal comes 3 s late, and is shown then
    await typeName(page, 'Li');
    const taken = await until(page, x => refused(x, 'The name Li is taken.'));
    check(refused(taken, 'The name Li is taken.'), `the late answer's refusal is shown (${JSON.stringify(taken)})`);
    check(answers.held() > 0, `the server's answers were held ${HELD_MS} ms (${answers.held()})`);
    // a refused name typed, the edit closed before its answer comes: the next edit shows nothing of it
    await typeName(page, '2LPSCl');
    await page.waitForTimeout(500); // the check asked (200 ms after the key), its answer held
    await page.keyboard.press('Escape');
    await page.waitForTimeout(HELD_MS + 1000); // every answer in
    await label.dblclick();
    const reopened = await until(page, s => s.shown);
    await page.waitForTimeout(500);
    const now = await editState(page);
    check(reopened.shown && now.classes === '' && now.message === null, `the edit opened again shows no old answer (${JSON.stringify(now)})`);
    await page.keyboard.press('Escape');
    check(readFileSync(file, 'utf8') === before, 'nothing was applied to the file');
    checkLog(check, logs);
} catch (e) {
    check(false, 'the test ran: ' + e);
}
await finish(browser, logs, failed);
