// Headless-browser test of the check of a name while it is typed (no IDE): the page asks the server at each change of
// a label edit's text (GLSP's label-edit validation) and shows the rename's refusal above the edit, in red, before
// Enter: a text that is not a name, a name another element has. Enter then keeps the edit open and changes nothing;
// a name the rename takes clears the message. Before, the server had no check (every answer the warning "No validator
// registered for the context 'label-edit'") and the page no balloon style: nothing was shown until Enter.
// usage: node test/diagram-name-check.test.mjs <page url> <the page's .cell file> <screenshot.png>
import { readFileSync } from 'node:fs';
import { args, checks, finish, launch, openDiagram, pollUntil } from './page.mjs';

const [url, file, screenshot] = args('diagram-name-check.test.mjs', 'page url', 'file', 'screenshot.png');
const browser = await launch();
const logs = [];
const { check, failed } = checks();
/** The label edit: input shown and its text, the edit's classes, its message and the balloon drawn for it. */
const edit = page => page.evaluate(() => {
    const c = document.querySelector('.label-edit');
    const e = c?.querySelector('input');
    const after = c ? getComputedStyle(c, '::after') : undefined;
    return {
        shown: !!e && getComputedStyle(e).visibility === 'visible' && e.offsetParent !== null,
        value: e?.value,
        classes: c ? [...c.classList].filter(k => k.startsWith('validation-')).join(' ') : '',
        message: c?.getAttribute('data-balloon') ?? null,
        balloon: after && after.display !== 'none' && after.content !== 'none' ? after.content : null
    };
});
/** Waits (at most 10 s) until the edit's state satisfies the predicate; returns the last state seen. */
const until = (page, predicate) => pollUntil(page, edit, predicate);

try {
    const before = readFileSync(file, 'utf8');
    const page = await openDiagram(browser, url, logs, 'LPSCl');
    const label = page.locator('#sprotty svg .sprotty-label', { hasText: /^LPSCl$/ }).first();
    await label.dblclick();
    check((await until(page, s => s.shown)).shown, 'a double click on LPSCl opens its edit');
    for (const [typed, reason] of [['2LPSCl', "'2LPSCl' is not a name"], ['LPS Cl', "'LPS Cl' is not a name"], ['Li', 'The name Li is taken.']]) {
        // the text filled but its last key typed: the page checks the text when a key goes up
        await page.locator('.label-edit input').fill(typed.slice(0, -1));
        await page.keyboard.type(typed.slice(-1));
        const s = await until(page, x => x.classes === 'validation-error' && (x.message ?? '').includes(reason));
        check(s.classes === 'validation-error' && (s.message ?? '').includes(reason), `${typed}: the edit is marked invalid with "${reason}" (${JSON.stringify(s)})`);
        check(!!s.balloon && s.balloon.includes(reason), `${typed}: the message is drawn above the edit (${s.balloon})`);
        if (typed === '2LPSCl') await page.screenshot({ path: screenshot });
    }
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1000);
    const kept = await edit(page);
    check(kept.shown && kept.value === 'Li' && kept.classes === 'validation-error', `Enter on a refused name keeps the edit open (${JSON.stringify(kept)})`);
    check(readFileSync(file, 'utf8') === before, 'Enter on a refused name changes nothing in the file');
    await page.locator('.label-edit input').fill('Argyr');
    await page.keyboard.type('o');
    const ok = await until(page, x => x.classes === 'validation-ok');
    check(ok.classes === 'validation-ok' && ok.message === null && ok.balloon === null, `a name the rename takes clears the message (${JSON.stringify(ok)})`);
    await page.keyboard.press('Escape');
    check(!(await edit(page)).shown, 'Escape closes the edit');
    check(!logs.some(l => l.startsWith('pageerror')), 'no page error: ' + logs.filter(l => l.startsWith('pageerror')).join('; '));
    check(!logs.some(l => l.includes('No validator registered') || l.includes('Missing handler')),
        'no validation warning in the log: ' + logs.filter(l => l.includes('validat') || l.includes('Missing handler')).join('; '));
} catch (e) {
    check(false, 'the test ran: ' + e);
}
await finish(browser, logs, failed);
