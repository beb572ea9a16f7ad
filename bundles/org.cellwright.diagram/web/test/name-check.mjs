// What the page tests of a label edit's name check share: the page's websocket routed through playwright, the server's
// answers to the check (setEditValidationResult) held, and the edit's state as a user sees it.
import { pollUntil, relay } from './page.mjs';

/**
 * A beforeLoad for openDiagram (page.mjs) that routes the page's websocket to the server and holds each of the
 * server's answers to the name check for ms; held() counts the answers held so far.
 */
export function holdingAnswers(ms) {
    let held = 0;
    return {
        route: page => page.routeWebSocket(/\/glsp$/, ws => {
            const server = ws.connectToServer();
            ws.onMessage(m => server.send(m));
            server.onMessage(m => {
                if (String(m).includes('"setEditValidationResult"')) {
                    held++;
                    setTimeout(() => ws.send(m), ms);
                } else ws.send(m);
            });
        }),
        held: () => held
    };
}

/**
 * A beforeLoad for openDiagram (page.mjs) that routes the page's websocket to the server but lets the test make the
 * name checks fail: after fail('reject', message) each check is answered with a rejectRequest carrying message (the
 * server never sees it); after fail('close', ms) a check is held and the connection closed ms later (the page's
 * reconnects are closed before they open: the server gone); fail('pass') passes them to the server again.
 * asked() counts the checks the page asked.
 */
export function failingChecks() {
    let mode = { kind: 'pass' };
    let asked = 0;
    let closed = false;
    return {
        route: page => relay(page, (action, message, link) => {
            if (action?.kind !== 'requestEditValidation') return false;
            asked++;
            if (mode.kind === 'reject') {
                link.toPage({ jsonrpc: '2.0', method: 'process', params: { clientId: message.params.clientId,
                    action: { kind: 'rejectRequest', responseId: action.requestId, message: mode.arg } } });
                return true;
            }
            if (mode.kind === 'close') {
                closed = true;
                setTimeout(() => link.close(), mode.arg);
                return true;
            }
            return false;
        }, () => closed),
        fail: (kind, arg) => { mode = { kind, arg }; },
        asked: () => asked
    };
}

/** The label edit: whether it is shown, its validation-* classes and the message drawn above it. */
export const editState = page => page.evaluate(() => {
    const c = document.querySelector('.label-edit');
    const e = c?.querySelector('input');
    return {
        shown: !!e && getComputedStyle(e).visibility === 'visible' && e.offsetParent !== null,
        classes: c ? [...c.classList].filter(k => k.startsWith('validation-')).join(' ') : '',
        message: c?.getAttribute('data-balloon') ?? null
    };
});

/** Opens the edit of the label text by a double click and checks that it shows; returns the label's locator. */
export async function openLabelEdit(page, text, check) {
    const label = page.locator('#sprotty svg .sprotty-label', { hasText: new RegExp(`^${text}$`) }).first();
    await label.dblclick();
    check((await pollUntil(page, editState, s => s.shown, 15000)).shown, `a double click on ${text} opens its edit`);
    return label;
}

/** Types name into the open edit as a user's last key does: all but its last letter filled, the last typed (its keyup asks the check). */
export async function typeName(page, name) {
    await page.locator('.label-edit input').fill(name.slice(0, -1));
    await page.keyboard.type(name.slice(-1));
}

/** Whether the edit's state is the server's refusal with words in its message. */
export const refused = (state, words) => state.classes === 'validation-error' && (state.message ?? '').includes(words);

/** The page's log holds no page error and no "Missing handler" (an answer that found no request). */
export function checkLog(check, logs) {
    check(!logs.some(l => l.startsWith('pageerror')), 'no page error: ' + logs.filter(l => l.startsWith('pageerror')).join('; '));
    check(!logs.some(l => l.includes('Missing handler')),
        'no "Missing handler" in the log: ' + logs.filter(l => l.includes('Missing handler')).join('; '));
}
