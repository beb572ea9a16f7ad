// GLSP web client of a .cell diagram. The page is served by the Java GLSP server (org.cellwright.diagram), which also
// holds the websocket endpoint: ws://<same host:port>/glsp. The file comes from the page's ?file= parameter.
import 'reflect-metadata';

import {
    Action,
    ActionMessage,
    BaseJsonrpcGLSPClient,
    ClientState,
    ConsoleLogger,
    DiagramLoader,
    EditMode,
    EditorContextService,
    FeatureModule,
    EditLabelValidationResult,
    EditLabelAction,
    FeedbackAwareUpdateModelCommand,
    GModelRoot,
    GParentElement,
    GLabel,
    GLabelView,
    GlspEditLabelUI,
    LabelEditValidation,
    GNode,
    IActionDispatcher,
    ModelInitializationConstraint,
    Operation,
    RedoAction,
    RoundedCornerNodeView,
    SelectionService,
    ServerEditLabelValidator,
    SetEditValidationResultAction,
    SetViewportAction,
    SelectAction,
    GLSPConnectionHandler,
    configureModelElement,
    editLabelFeature,
    GLSPClient,
    GLSPWebSocketProvider,
    InitializeParameters,
    InitializeResult,
    JsonrpcGLSPClient,
    IDiagramOptions,
    LogLevel,
    MessageAction,
    STANDALONE_MODULE_CONFIG,
    TYPES,
    UndoAction,
    bindOrRebind,
    CommandExecutionContext,
    CommandReturn,
    onAction,
    configureDefaultModelElements,
    createDiagramOptionsModule,
    initializeDiagramContainer
} from '@eclipse-glsp/client';
import '@eclipse-glsp/client/css/glsp-sprotty.css';
import { Container, decorate, inject, injectable } from 'inversify';
import { ErrorCodes, MessageConnection, ResponseError } from 'vscode-jsonrpc';
import './cellwright-diagram.css';

const DIAGRAM_TYPE = 'cellwright-diagram';
const CLIENT_ID = 'sprotty'; // the id of the div the diagram is drawn into
// the server's question before a layer rename that changes other files, and the page's yes (RenameQuestion.java)
const ASK_RENAME = 'cellwrightAskRename';
const RENAME_ANSWERED = 'cellwrightRenameAnswered';
// the IDE's diagram editor opens the page with asks=ide: there the IDE asks (a dialog in the IDE)
const ASKS = new URLSearchParams(window.location.search).get('asks') === 'ide' ? 'ide' : 'page';
// each edit the page sends is tagged with its number on the connection, sent right before it, and the server answers
// the edit with that number once it has handled it (EditAnswer.java; CellGLSPClient.unanswered)
const EDIT_TAG = 'cellwrightEdit';
const EDIT_ANSWERED = 'cellwrightEditAnswered';

/**
 * How long the page waits for its server, in one place (ms); each may be given in seconds as a page parameter
 * (?file=...&connect-timeout=5&heartbeat=5&heartbeat-timeout=10), a value that is not a positive number is ignored.
 * - connect: an attempt to connect not answered within it is given up and made again (CellWebSocketProvider);
 * - heartbeat: while connected the page asks the server every that often whether it is there (Heartbeat);
 * - heartbeatAnswer: a heartbeat not answered within it gives the connection up as lost (the server paused).
 */
const WAITS = (() => {
    const given = new URLSearchParams(window.location.search);
    const seconds = (name: string, fallback: number) => {
        const value = Number(given.get(name) ?? NaN);
        return (Number.isFinite(value) && value > 0 ? value : fallback) * 1000;
    };
    return {
        connectMs: seconds('connect-timeout', 5),
        heartbeatMs: seconds('heartbeat', 5),
        heartbeatAnswerMs: seconds('heartbeat-timeout', 10)
    };
})();

/**
 * GLSP's label edit, but the apply that a blur of its input schedules is that of the edit that lost the focus.
 * sprotty's EditLabelUI applies the open edit 200 ms after its input is blurred, and closing an edit blurs the input
 * too (Enter, Escape): a label double-clicked again within those 200 ms (after the rename question's Cancel, when the
 * page answers quickly) opened an edit that the old blur's apply found unchanged and closed at once, the input shown
 * and hidden again before the user could type; had they typed, half a name was applied. An edit opened since the
 * blur is now left open.
 */
class CellEditLabelUI extends GlspEditLabelUI {
    protected declare editorContext: EditorContextService;
    /** The edits shown so far: a blur's apply belongs to the edit that was the last one when the input lost focus. */
    private edits = 0;
    /** How long a name check waits for the server's answer before the edit says that none has come (ms), and the words. */
    static readonly NO_ANSWER_MS = 4000;
    static readonly NO_ANSWER = 'No answer from the server yet: the name is not checked. Enter checks it again and applies it only once the server accepts it.';

    override show(root: Parameters<GlspEditLabelUI['show']>[0], ...contextElementIds: string[]): void {
        const wasActive = this.isActive;
        super.show(root, ...contextElementIds);
        if (!wasActive && this.isActive) this.edits++;
    }

    /**
     * After a redraw the open edit is placed over its label again, its text kept: the layout may have moved the label
     * (a node added by another program's write), and the input stayed where the label had been, over another node.
     */
    followLabel(root: Parameters<GlspEditLabelUI['show']>[0]): void {
        const label = this.isActive && this.label ? root.index.getById(this.label.id) : undefined;
        if (!label || !this.containerElement) return;
        this.label = label as typeof this.label;
        window.requestAnimationFrame(() => {
            if (!this.isActive) return;
            this.setPosition(this.containerElement);
            this.applyFontStyling();
        });
    }

    /**
     * The open edit, its label and the text typed, taken from this diagram when its connection is replaced (GLSP's
     * reconnect builds a new diagram); this one's edit is closed without applying anything (a blur's apply pending
     * belongs to an older edit now, and an answer to a check finds the edit closed). Undefined when no edit is open.
     */
    takeOpenEdit(): KeptEdit | undefined {
        if (!this.isActive || !this.label) return undefined;
        const kept = { labelId: this.label.id, name: this.label.text, text: this.editControl.value };
        this.edits++;
        this.isActive = false;
        return kept;
    }

    /**
     * Opens the edit of the kept label again with its text (sprotty's EditLabelAction, as a double-click opens it), the
     * caret at the end, and asks the server to check the text on the new connection. False when the label is not in
     * the drawing (its element no longer in the file).
     */
    async reopen(kept: KeptEdit, dispatcher: IActionDispatcher): Promise<boolean> {
        const root = this.editorContext.modelRoot;
        if (!root.index.getById(kept.labelId)) return false;
        // the drawing has the focus, as after the double-click: Enter and Escape give it back to it (Ctrl+Z then works)
        (document.querySelector(`#${CLIENT_ID} svg`) as SVGElement | null)?.focus();
        await dispatcher.dispatch(EditLabelAction.create(kept.labelId));
        if (!this.isActive || this.label?.id !== kept.labelId) return false;
        this.followLabel(root);
        this.editControl.value = kept.text;
        this.editControl.focus();
        this.editControl.setSelectionRange(kept.text.length, kept.text.length);
        if (kept.text !== kept.name) {
            this.previousLabelContent = kept.text;
            this.validateLabel(kept.text);
        }
        return true;
    }

    /** The words on an edit whose name check failed (rejected, an error, the connection closed), reason the failure's. */
    static uncheckedMessage(reason: unknown): string {
        const why = (reason instanceof Error ? reason.message : String(reason)).trim().replace(/\.$/, '') || 'no reason given';
        return `The name could not be checked: ${why}. Enter does not apply it; type again to ask again, Escape closes the edit.`;
    }

    /** The edit and text whose name check failed: Enter does not apply that text, typing asks again. */
    private unchecked?: { edit: number, value: string };

    /**
     * sprotty's applyLabelEdit (Enter, and a blur), but a text whose name check failed is not applied, nor asked again
     * (sprotty took a failed check for an accepted name and applied it without the server's answer): the edit stays
     * open with the failure shown; typing asks again, Escape closes the edit.
     */
    protected override async applyLabelEdit(): Promise<void> {
        if (this.isActive && this.unchecked && this.unchecked.edit === this.edits && this.unchecked.value === this.editControl.value) {
            this.editControl.focus();
            return;
        }
        return super.applyLabelEdit();
    }

    /**
     * sprotty's validateLabel, but an answer is shown only on the edit and text it was asked for: the server's answer
     * (CellEditLabelValidator: it waits for it) may come after the edit closed or the text changed, and sprotty would
     * draw it on the hidden input, where the next edit opened found an old name's refusal. An answer that has not come
     * within NO_ANSWER_MS (4 s) is said on the edit (a warning, NO_ANSWER): the check waits on, and before session 34 showed
     * nothing however long the server took. Enter (sprotty's applyLabelEdit) applies the name only on an answer that
     * accepts it, for the edit and text still open: an answer for an edit closed (Escape) or a text changed meanwhile
     * is returned as a refusal, not shown, so Enter pressed while the server was silent applies nothing then (sprotty
     * applied the text then in the input, the answer an OK for another text or for an edit closed before it came).
     * A check that fails (the request rejected, an error, the connection to the server closed) is an error on the edit,
     * uncheckedMessage's words, and Enter does not apply that text (applyLabelEdit); before (session 34) sprotty took
     * it for an accepted name, and Enter applied the name without the server's answer.
     */
    protected override async validateLabel(value: string): Promise<EditLabelValidationResult> {
        const edit = this.edits;
        if (!this.labelValidator || !this.label) return super.validateLabel(value);
        this.unchecked = undefined;
        const current = () => edit === this.edits && this.isActive && this.editControl.value === value;
        const silent = window.setTimeout(() => {
            if (current()) this.showValidationResult({ severity: 'warning', message: CellEditLabelUI.NO_ANSWER });
        }, CellEditLabelUI.NO_ANSWER_MS);
        try {
            const result = await this.labelValidator.validate(value, this.label);
            if (!current()) return { severity: 'error', message: 'the edit closed or its text changed before the answer came' };
            this.isCurrentLabelValid = result.severity !== 'error';
            this.showValidationResult(result);
            return result;
        } catch (reason) {
            this.logger.error(this, 'Error validating edited label', reason);
            if (!current()) return { severity: 'error', message: 'the edit closed or its text changed before the check failed' };
            const failed: EditLabelValidationResult = { severity: 'error', message: CellEditLabelUI.uncheckedMessage(reason) };
            this.unchecked = { edit, value };
            this.isCurrentLabelValid = false;
            this.showValidationResult(failed);
            return failed;
        } finally {
            window.clearTimeout(silent);
        }
    }

    // sprotty's configureAndAdd but for the blur, which applies only the edit it ended
    protected override configureAndAdd(element: HTMLInputElement | HTMLTextAreaElement, containerElement: HTMLElement): void {
        element.style.visibility = 'hidden';
        element.style.position = 'absolute';
        element.style.top = '0px';
        element.style.left = '0px';
        element.addEventListener('keydown', event => this.hideIfEscapeEvent(event));
        element.addEventListener('keyup', event => this.validateLabelIfContentChange(event, element.value));
        element.addEventListener('blur', () => {
            const edit = this.edits;
            window.setTimeout(() => {
                if (edit === this.edits) this.applyLabelEdit();
            }, 200);
        });
        containerElement.appendChild(element);
    }
}
decorate(injectable(), CellEditLabelUI);
decorate(inject(EditorContextService), CellEditLabelUI.prototype, 'editorContext');

/** A label edit carried over a reconnect: the label's id, its name when the edit opened, and the text typed. */
type KeptEdit = { labelId: string, name: string, text: string };

/**
 * GLSP's server validation of a label edit (RenameCheck on the server), but waiting for the server's answer however
 * long it takes. GLSP's ServerEditLabelValidator asks with requestUntil, which gives up after 2 s and takes the text
 * for valid; an answer later than that (the server busy: a rename's or a reload's work on the same session) found no
 * pending request and was dispatched as an action of its own, which the page has no handler for: "Missing handler for
 * action 'setEditValidationResult'" in the log, and a name the server refuses shown as accepted (Enter, which waits
 * for the same validation, sent it anyway; the server refused it then). Now every answer meets its request; an
 * answer for an edit closed meanwhile is dropped by CellEditLabelUI.validateLabel.
 */
class CellEditLabelValidator extends ServerEditLabelValidator {
    protected declare options: IDiagramOptions;

    /**
     * The server's answer; rejected when the request is (a rejectRequest, the page unable to send it), when the
     * connection to the server closes before the answer (it would never come) and when the answer is not a validation
     * result (GLSP's validator took that for OK).
     */
    override async validate(value: string, label: Parameters<ServerEditLabelValidator['validate']>[1]): Promise<EditLabelValidationResult> {
        const client = await this.options.glspClientProvider();
        let watch: { dispose(): void } | undefined;
        const closed = new Promise<never>((_, reject) => {
            const lost = () => reject(new Error('the connection to the server closed'));
            if (client.currentState !== ClientState.Running) lost();
            else watch = client.onCurrentStateChanged(state => { if (state !== ClientState.Running) lost(); });
        });
        try {
            const response = await Promise.race([this.actionDispatcher.request(LabelEditValidation.createValidationRequestAction(value, label.id)), closed]);
            if (!SetEditValidationResultAction.is(response)) throw new Error(`the server answered '${(response as any)?.kind}', not a check of the name`);
            return LabelEditValidation.toEditLabelValidationResult(response.status);
        } finally {
            watch?.dispose();
        }
    }
}
decorate(injectable(), CellEditLabelValidator);
decorate(inject(TYPES.IDiagramOptions), CellEditLabelValidator.prototype, 'options');

/**
 * GLSP's model update, but the elements the page has keep the front-to-back order they have in the page. A click
 * brings its node to the front (sprotty moves it to the end of its parent's children); a redraw in the server's order
 * (the text typed, the file written by another program) moved it back, out of the page and in again, and Chromium
 * drops a click whose node left the page between its mousedown and mouseup: a double-click on a name during a redraw
 * opened no edit. Elements new in the redraw keep the server's places.
 */
class CellUpdateModelCommand extends FeedbackAwareUpdateModelCommand {
    constructor(action: ConstructorParameters<typeof FeedbackAwareUpdateModelCommand>[0]) {
        super(action);
    }

    protected override performUpdate(oldRoot: GModelRoot, newRoot: GModelRoot, context: CommandExecutionContext): CommandReturn {
        keepOrder(oldRoot, newRoot);
        return super.performUpdate(oldRoot, newRoot, context);
    }
}
decorate(injectable(), CellUpdateModelCommand);
decorate(inject(TYPES.Action) as ParameterDecorator, CellUpdateModelCommand, 0);

/** Orders the children of every parent in newRoot that the page had as the page had them, in the places they take. */
function keepOrder(oldRoot: GModelRoot, parent: GParentElement): void {
    const old = oldRoot.index.getById(parent.id);
    if (old instanceof GParentElement && old.children.length > 1) {
        const place = new Map(old.children.map((child, i) => [child.id, i]));
        const slots = parent.children.map((_, i) => i).filter(i => place.has(parent.children[i].id));
        const kept = slots.map(i => parent.children[i]).sort((a, b) => place.get(a.id)! - place.get(b.id)!);
        const children = [...parent.children];
        slots.forEach((slot, k) => { children[slot] = kept[k]; });
        children.forEach((child, i) => { if (parent.children[i] !== child) parent.move(child, i); });
    }
    for (const child of parent.children) {
        if (child instanceof GParentElement) keepOrder(oldRoot, child);
    }
}

const cellDiagramModule = new FeatureModule(
    (bind, unbind, isBound, rebind) => {
        const context = { bind, unbind, isBound, rebind };
        bindOrRebind(context, TYPES.ILogger).to(ConsoleLogger).inSingletonScope();
        bindOrRebind(context, TYPES.LogLevel).toConstantValue(LogLevel.warn);
        configureDefaultModelElements(context);
        // a node type per kind of element (the server's type hints say what each may do); colours by CSS class
        for (const kind of ['material', 'composite', 'component', 'cell', 'layer', 'protocol', 'experiment', 'sweep']) {
            configureModelElement(context, 'node:' + kind, GNode, RoundedCornerNodeView);
        }
        // an element's name: double-click to rename (the server renames the element in the text)
        configureModelElement(context, 'label:name', GLabel, GLabelView, { enable: [editLabelFeature] });
        rebind(GlspEditLabelUI).to(CellEditLabelUI).inSingletonScope();
        rebind(TYPES.IEditLabelValidator).to(CellEditLabelValidator);
        rebind(FeedbackAwareUpdateModelCommand).to(CellUpdateModelCommand);
        // the server's answer to an edit, read by the client as it comes (CellGLSPClient.unanswered); handled here so that
        // the server sends it (it sends the page only the kinds the page handles) and nothing is logged as unhandled
        onAction(context, EDIT_ANSWERED, () => {});
        // a layer rename that changes other files too (cells there name the layer): the server asks first, the page
        // shows its question (the files and where they name the layer) and, on yes, sends the rename again answered
        onAction(context, ASK_RENAME, (action: any) => {
            askInPage('Rename layer in other files', action.question, 'Rename in every file').then(yes => {
                if (yes) toServer?.({ kind: RENAME_ANSWERED, isOperation: true, question: action.question, labelId: action.labelId, text: action.text });
            });
        });
    },
    { featureId: Symbol('cellwrightDiagram') }
);

/** Sends an action to the server (set once the diagram's container is made). */
let toServer: ((action: any) => void) | undefined;

/**
 * A question in the page (a modal dialog over the diagram, as the IDE's dialog): the text as the server wrote it, the
 * default button and Cancel (Escape). Resolves true for yes. Keys typed in it do not reach the diagram.
 */
function askInPage(title: string, question: string, yesLabel: string): Promise<boolean> {
    return new Promise(resolve => {
        const dialog = document.createElement('dialog');
        dialog.className = 'cw-question';
        const heading = document.createElement('h3');
        heading.textContent = title;
        const text = document.createElement('p');
        text.textContent = question;
        const buttons = document.createElement('div');
        buttons.className = 'cw-buttons';
        const no = document.createElement('button');
        no.textContent = 'Cancel';
        const yes = document.createElement('button');
        yes.textContent = yesLabel;
        yes.className = 'cw-default';
        buttons.append(no, yes);
        dialog.append(heading, text, buttons);
        document.body.append(dialog);
        let answered = false;
        const answer = (ok: boolean) => {
            if (answered) return;
            answered = true;
            dialog.close();
            dialog.remove();
            resolve(ok);
        };
        yes.addEventListener('click', () => answer(true));
        no.addEventListener('click', () => answer(false));
        dialog.addEventListener('cancel', () => answer(false)); // Escape
        dialog.addEventListener('keydown', e => e.stopPropagation());
        dialog.showModal();
        yes.focus();
    });
}

function createContainer(sourceUri: string, glspClient: GLSPClient): Container {
    return initializeDiagramContainer(
        new Container(),
        cellDiagramModule,
        createDiagramOptionsModule({
            clientId: CLIENT_ID,
            diagramType: DIAGRAM_TYPE,
            sourceUri,
            editMode: EditMode.EDITABLE,
            glspClientProvider: async () => glspClient
        }),
        STANDALONE_MODULE_CONFIG
    );
}

/** The visible diagram as an SVG document with the CSS rules of the page inlined (colours by kind stay). */
function exportSvg(): string {
    const svg = document.querySelector('#sprotty svg') as SVGSVGElement;
    const copy = svg.cloneNode(true) as SVGSVGElement;
    const rules: string[] = [];
    for (const sheet of Array.from(document.styleSheets)) {
        try {
            for (const rule of Array.from(sheet.cssRules)) {
                if (rule.cssText.includes('sprotty') || rule.cssText.includes('cw-')) rules.push(rule.cssText);
            }
        } catch {
            // a style sheet of another origin: not readable, not ours
        }
    }
    const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
    style.textContent = rules.join('\n');
    copy.insertBefore(style, copy.firstChild);
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    const box = svg.getBoundingClientRect();
    copy.setAttribute('width', String(Math.round(box.width)));
    copy.setAttribute('height', String(Math.round(box.height)));
    copy.classList.add('sprotty');
    return new XMLSerializer().serializeToString(copy);
}

const FIT_PADDING = 20;

/**
 * Fits the drawing into the canvas beside the tool palette (top right): zoomed to fit at most 1:1 and centred in the
 * whole canvas when it is drawn clear of the palette there, else in the canvas left of the palette or below it,
 * whichever shows it larger (left on a tie). GLSP's FitToScreen centres in the whole canvas, so in a small editor the
 * palette covered much of the diagram. Returns the viewport it set.
 */
function fitBesideThePalette(context: EditorContextService, dispatcher: IActionDispatcher): Viewport | undefined {
    const root = context.modelRoot as any;
    const canvas = root?.canvasBounds;
    const nodes = (root?.children ?? []).filter((c: any) => c.position && c.size && c.size.width > 0 && c.size.height > 0);
    if (!canvas || canvas.width <= 0 || canvas.height <= 0 || nodes.length === 0) return undefined;
    const x0 = Math.min(...nodes.map((n: any) => n.position.x));
    const y0 = Math.min(...nodes.map((n: any) => n.position.y));
    const w = Math.max(...nodes.map((n: any) => n.position.x + n.size.width)) - x0;
    const h = Math.max(...nodes.map((n: any) => n.position.y + n.size.height)) - y0;
    type Area = { x: number, y: number, width: number, height: number };
    const zoomIn = (a: Area) => Math.max(0.05, Math.min(1, (a.width - 2 * FIT_PADDING) / w, (a.height - 2 * FIT_PADDING) / h));
    // the free area: the whole canvas if the drawing centred there (with its padding) is clear of the palette, else
    // the canvas less the palette's column (drawing left of it) or its rows (drawing below it). Compared at the zoom
    // each gives (at most 1:1): a small drawing was centred below the palette because that area was wider, and sat in
    // the lower middle of the page with nothing above it (diag32c)
    let area: Area = { x: 0, y: 0, width: canvas.width, height: canvas.height };
    const palette = document.querySelector('.tool-palette') as HTMLElement | null;
    const sprotty = document.getElementById(CLIENT_ID);
    if (palette && sprotty && palette.offsetParent !== null) {
        const p = palette.getBoundingClientRect();
        const c = sprotty.getBoundingClientRect();
        const z = zoomIn(area);
        const drawing = {
            left: area.width / 2 - w * z / 2 - FIT_PADDING, right: area.width / 2 + w * z / 2 + FIT_PADDING,
            top: area.height / 2 - h * z / 2 - FIT_PADDING, bottom: area.height / 2 + h * z / 2 + FIT_PADDING
        };
        const clear = drawing.right <= p.left - c.left || drawing.left >= p.right - c.left
            || drawing.bottom <= p.top - c.top || drawing.top >= p.bottom - c.top;
        if (!clear) {
            const left = { x: 0, y: 0, width: Math.max(0, p.left - c.left), height: canvas.height };
            const below = { x: 0, y: Math.max(0, p.bottom - c.top), width: canvas.width, height: Math.max(0, canvas.height - (p.bottom - c.top)) };
            area = zoomIn(left) >= zoomIn(below) ? left : below;
        }
    }
    const zoom = zoomIn(area);
    // screen = (model - scroll) * zoom: the drawing's centre at the free area's centre
    const scroll = {
        x: x0 + w / 2 - (area.x + area.width / 2) / zoom,
        y: y0 + h / 2 - (area.y + area.height / 2) / zoom
    };
    dispatcher.dispatch(SetViewportAction.create(root.id, { scroll, zoom }, { animate: false }));
    return { scroll, zoom };
}

/**
 * GLSP's websocket client, but told when its connection's socket closes (connectionClosed): GLSPWebSocketProvider
 * replaces the socket's onclose, where the connection listened, by its reconnect, so the client stayed 'running' on a
 * closed socket and a request sent or waiting then never had an answer (a name check waited on, and Enter with it).
 * Now the client is in error (GLSP's handleConnectionClosed): a request waiting fails (CellEditLabelValidator), one
 * sent then is refused.
 */
class CellGLSPClient extends BaseJsonrpcGLSPClient {
    /** Told of an edit (an operation, undo, redo) sent while the connection is closed: it is not applied. */
    onRefused?: (action: Action) => void;

    /** The errors of a request that the connection gives, not the server (vscode-jsonrpc's: disposed, not sent, ...). */
    private static readonly NOT_AN_ANSWER: number[] = [ErrorCodes.MessageWriteError, ErrorCodes.MessageReadError,
        ErrorCodes.PendingResponseRejected, ErrorCodes.ConnectionInactive];
    /** The parameters the page's GLSP initialized the server with (DiagramLoader): the heartbeat asks with them. */
    private initializedWith?: InitializeParameters;

    connectionClosed(): void {
        this.handleConnectionClosed();
    }

    override initializeServer(params: InitializeParameters): Promise<InitializeResult> {
        this.initializedWith = params;
        return super.initializeServer(params);
    }

    /**
     * Asks the server whether it is there (the heartbeat): GLSP's initialize request again, with the parameters of the
     * first, which the Java server (DefaultGLSPServer.initialize) answers at once with its first answer, on the
     * connection's own thread: not behind the session's actions (a rename, a question asked in the IDE), so a busy
     * diagram is not taken for a server gone. Nothing in the page sees the answer (GLSP's initializeServer keeps its
     * first). Resolves when answered (an error answer too: the server answered), rejects when the connection is closed
     * or the server not yet initialized (no answer).
     */
    async ping(): Promise<void> {
        if (!this.initializedWith) throw new Error('the server is not initialized yet');
        await this.checkedConnection.sendRequest(JsonrpcGLSPClient.InitializeRequest, this.initializedWith).catch(error => {
            if (!(error instanceof ResponseError) || CellGLSPClient.NOT_AN_ANSWER.includes(error.code)) throw error;
        });
    }

    /**
     * GLSP's send, but with the connection closed (the server away) nothing is sent: an edit is refused through
     * onRefused (the page says it was not applied), other actions are dropped. GLSP's threw 'GLSPClient is not ready',
     * and the edit was lost without a word. An edit sent is numbered and tagged (EDIT_TAG, sent right before it: the
     * server answers the edit with its number) and kept unanswered until the answer comes.
     */
    override sendActionMessage(message: ActionMessage): void {
        const action = message.action;
        const edit = Operation.is(action) || UndoAction.is(action) || RedoAction.is(action);
        if (!this.isConnectionActive()) {
            if (edit) this.onRefused?.(action);
            return;
        }
        if (!edit) return super.sendActionMessage(message);
        this.onEdit?.();
        const number = ++this.sent;
        super.sendActionMessage({ clientId: message.clientId, action: { kind: EDIT_TAG, edit: number } as Action });
        super.sendActionMessage(message);
        this.unanswered.set(number, { action, at: new Date() });
    }

    /** Told when an edit is sent (the page's line of a refusal goes: it was the last edit's). */
    onEdit?: () => void;
    /**
     * Told of an edit the server refused, with the server's reason (the answer of the edit carries it: EDIT_ANSWERED's
     * refused, the message of the exception the edit's handler threw, EditAnswer.answered), or of another error the
     * server reports (GLSP's MessageAction, severity ERROR, no edit: its message). GLSP's own report of the refused
     * edit's exception, the MessageAction the server sends right after the answer, is not told again. Before (session
     * 39) GLSP's standalone client dropped the MessageAction (its FallbackActionHandler): a Delete the server refused
     * (LPSCl, still used by a layer) left the page without a word; diag39b read the reason from GLSP's generic message
     * ("[GLSP-Server] Could not process message: ..." and its details up to the stack trace), its wording and layout.
     * With the refusal: the server's detail when its reason is said in words for the user (an edit it could not read:
     * EDIT_ANSWERED's details, the reader's message). With an error for no edit: GLSP's message and details, which the
     * page keeps for its Details, not for its line (before session 40 the line said GLSP's text, "[GLSP-Server] Could
     * not process message:ActionMessage [...]"), and the request that failed in words when the server names it (its
     * MessageAction's request, ServerErrors.java: "laying out the diagram"; before session 41 the line said only that a
     * request failed).
     */
    onServerError?: (error: { reason?: string, details?: string, request?: string }, refused?: Action) => void;
    /** Whether the last notification the server sent was the answer of an edit it refused (GLSP's error about it follows). */
    private justRefused = false;

    /** The number of the last edit sent on this connection (numbered from 1 in the order sent). */
    sent = 0;

    /**
     * The edits sent on this connection that the server has not answered yet, by number, and when each was sent. The
     * server answers each edit it handled, made, refused or with nothing to do (an undo with nothing to undo), with the
     * edit's number (EDIT_ANSWERED: EditAnswer.java), after the update the edit causes and before the page draws it; an
     * update that results from no edit of this page (the text changed in the text editor or by another program, another
     * page's edit read from the file, a layout) answers none. Before (session 38) the page counted the server's dirty
     * states of edits and took the first edits sent for answered by that count: an edit the server refused, or an undo
     * with nothing to undo, has no such dirty state, and a later edit whose answer had come was named as possibly lost.
     */
    readonly unanswered = new Map<number, { action: Action, at: Date }>();

    constructor(options: ConstructorParameters<typeof BaseJsonrpcGLSPClient>[0]) {
        super(options);
        // before GLSP's own listener (the diagram's), which is registered once the diagram is made
        this.onActionMessageNotification(message => {
            const action = message.action as Action & { edit?: unknown, refused?: unknown, details?: unknown, request?: unknown };
            const afterRefusal = this.justRefused;
            this.justRefused = false;
            if (action.kind === EDIT_ANSWERED && typeof action.edit === 'number') {
                const edit = this.unanswered.get(action.edit)?.action;
                this.unanswered.delete(action.edit);
                if (typeof action.refused === 'string') {
                    this.justRefused = true;
                    this.onServerError?.({ reason: action.refused, details: typeof action.details === 'string' ? action.details : undefined }, edit);
                }
            } else if (MessageAction.is(action) && (action.severity === 'ERROR' || action.severity === 'FATAL') && !afterRefusal) {
                this.onServerError?.({
                    details: [action.message, action.details].filter(Boolean).join('\n'),
                    request: typeof action.request === 'string' && action.request ? action.request : undefined
                });
            }
        });
    }
}

/**
 * GLSP's websocket provider, but
 * - onClosed is called when the socket of the page's connection closes (CellGLSPClient);
 * - an attempt that finds no server (not listening: stopped, starting again, not yet started) is tried again after
 *   GLSP's delay until one opens, and onWaiting is told of each failed one: GLSP's provider tries again only after a
 *   connection that had opened closes, and stops its reconnect timer on a socket's error, so a page whose first attempt
 *   failed never connected, and one whose server was away longer than an attempt never connected again;
 * - one attempt at a time, and one connection given to the page (onConnection, then onReconnect once per connection
 *   that closed): GLSP's reconnect timer starts an attempt every second, also while the last one is still connecting (a
 *   server slow to answer), each that opened called onReconnect, so the page built a diagram for each, the later ones
 *   from a diagram not yet drawn (the user's open edit lost), and each was given the latest socket, not its own;
 * - an attempt that has not connected within WAITS.connectMs (5 s: a server that accepts and answers nothing, a
 *   suspended process, a network that drops the packets) is given up and tried again, and onWaiting is told that it
 *   timed out: it waited for Chromium's own timeout of the websocket's opening handshake (minutes), the page silent.
 */
class CellWebSocketProvider extends GLSPWebSocketProvider {
    /** Told when the page's connection closes, or is given up (giveUp: silentSince, when the server was last asked). */
    onClosed?: (silentSince?: Date) => void;
    /** Told of each attempt that failed: its number (since the last connection given to the page) and whether it timed out. */
    onWaiting?: (attempt: number, timedOut: boolean) => void;
    /** The attempts made since the last connection given to the page. */
    private attempts = 0;
    /** The page's handler, and the one GLSP's listen is given (it gives each connection to the page once). */
    private page?: GLSPConnectionHandler;
    private once?: GLSPConnectionHandler;
    /** Whether the attempt being made is a reconnect (GLSP's isReconnecting). */
    private reconnecting = false;
    /** The socket whose connection the page has, until it closes. */
    private given?: WebSocket;

    override listen(handler: GLSPConnectionHandler, isReconnecting = false): Promise<MessageConnection> {
        if (handler !== this.once) {
            this.page = handler;
            this.once = {
                onConnection: connection => this.give(connection, false),
                onReconnect: connection => this.give(connection, true),
                logger: handler.logger
            };
        }
        // GLSP's reconnect timer while the last attempt is still connecting: no second attempt (its promise, unused
        // by GLSP's timer, never settles)
        if (this.webSocket?.readyState === WebSocket.CONNECTING) return new Promise(() => {});
        this.reconnecting = isReconnecting;
        return super.listen(this.once, isReconnecting);
    }

    /**
     * Gives the page's connection up (its server silent: Heartbeat): the page is told at once, as when the socket
     * closes (onClosed), and the reconnect starts. The socket is closed, but its close is not waited for: the browser
     * waits for the server's answer to it, which a paused server does not give (Chromium: 60 s).
     */
    giveUp(silentSince: Date): void {
        const socket = this.given;
        if (!socket) return;
        const reconnect = socket.onclose; // GLSP's reconnect
        socket.onclose = null;
        this.given = undefined;
        socket.close();
        this.onClosed?.(silentSince);
        reconnect?.call(socket, new CloseEvent('close'));
    }

    /** The connection that opened given to the page, unless it has one (then it is closed, no reconnect started). */
    private give(connection: MessageConnection, isReconnect: boolean): void {
        const socket = this.webSocket;
        if (this.given && this.given !== socket) {
            socket.onclose = null;
            connection.dispose();
            socket.close();
            return;
        }
        this.given = socket;
        this.attempts = 0;
        if (isReconnect) this.page?.onReconnect?.(connection);
        else this.page?.onConnection?.(connection);
    }

    protected override createWebSocket(url: string): WebSocket {
        const socket = super.createWebSocket(url);
        const reconnect = this.reconnecting;
        const attempt = ++this.attempts;
        let opened = false;
        let failed = false;
        // the attempt failed (refused, or given up after WAITS.connectMs): the latest attempt's failure tries again
        const fail = (timedOut: boolean) => {
            if (opened || failed) return;
            failed = true;
            window.clearTimeout(timeout);
            // GLSP's reconnect timer would start an attempt of its own once this socket is no longer connecting
            clearInterval(this.reconnectTimer);
            this.onWaiting?.(attempt, timedOut);
            window.setTimeout(() => {
                if (this.webSocket !== socket || !this.once) return;
                this.once.logger?.warn('GLSPWebSocketProvider reconnecting...');
                this.listen(this.once, reconnect);
                this.reconnectAttempts++;
            }, this.options.reconnectDelay);
        };
        const timeout = window.setTimeout(() => {
            if (socket.readyState !== WebSocket.CONNECTING) return;
            this.once?.logger?.warn(`GLSPWebSocketProvider attempt ${attempt} not connected within ${WAITS.connectMs} ms: given up`);
            fail(true);
            socket.close();
        }, WAITS.connectMs);
        socket.addEventListener('open', () => {
            opened = true;
            window.clearTimeout(timeout);
        });
        socket.addEventListener('close', () => {
            window.clearTimeout(timeout);
            if (this.given !== socket) return;
            this.given = undefined;
            this.onClosed?.();
        });
        // GLSP's onerror, which runs after this, clears the reconnect timer
        socket.addEventListener('error', () => fail(false));
        return socket;
    }
}

/**
 * The page's heartbeat on one connection: every WAITS.heartbeatMs the page asks the server whether it is there
 * (CellGLSPClient.ping), one question at a time; one not answered within WAITS.heartbeatAnswerMs calls onSilent with
 * when it was asked, once, and the heartbeat stops (the page gives the connection up). Quiet while the server answers.
 * Before (session 37) the page learnt only of a connection that closed: a server suspended (SIGSTOP, a debugger) or a
 * network dropping the packets of the open connection left it connected in its own eyes, and an edit made then was
 * lost without a word.
 */
class Heartbeat {
    /** A timer this much later than due was held (the page or the machine asleep), not a server silent (ms). */
    static readonly LATE_MS = 2000;
    private timer?: number;
    private stopped = false;

    /** The number of the last edit sent before the last question the server answered: it has read those (CellGLSPClient.sent). */
    private read = 0;

    /**
     * onSilent: when the question not answered was asked, and the edits the server may not have read (sent into a
     * connection it no longer reads) when there are any: each edit not answered itself (CellGLSPClient.unanswered: the
     * server answers each edit it handled with the edit's number) and sent after the last question the server answered
     * was asked; their number, the last of them and when it was sent. Before (session 37) an edit made less than a
     * heartbeat before the server paused was named even when its new model had come and was drawn; before session 39 the
     * answers were counted, not matched to their edits (CellGLSPClient.unanswered).
     */
    constructor(private readonly client: CellGLSPClient,
        private readonly onSilent: (asked: Date, unread?: { count: number, last: Action, at: Date }) => void) {
        this.timer = window.setTimeout(() => this.beat(), WAITS.heartbeatMs);
    }

    stop(): void {
        this.stopped = true;
        window.clearTimeout(this.timer);
    }

    private async beat(): Promise<void> {
        if (this.stopped) return;
        const asked = new Date();
        let due = asked.getTime() + WAITS.heartbeatAnswerMs;
        const wait = () => window.setTimeout(() => {
            if (this.stopped) return;
            // the timer came late (the page or the machine asleep, its timers held): the answer, which may have come
            // meanwhile and not yet been read, gets its time again
            if (Date.now() - due > Heartbeat.LATE_MS) {
                due = Date.now() + WAITS.heartbeatAnswerMs;
                silent = wait();
                return;
            }
            this.stop();
            const unread = [...this.client.unanswered].filter(([number]) => number > this.read).sort(([a], [b]) => a - b);
            const [, last] = unread[unread.length - 1] ?? [];
            this.onSilent(asked, last ? { count: unread.length, last: last.action, at: last.at } : undefined);
        }, Math.max(0, due - Date.now()));
        let silent = wait();
        // the server reads in order: its answer says it has read every edit sent before the question
        const sent = this.client.sent;
        try {
            await this.client.ping();
            this.read = sent;
        } catch {
            // the connection closed (the page is told by its socket) or not ready: no heartbeat on it
            this.stop();
        } finally {
            window.clearTimeout(silent);
        }
        if (!this.stopped) this.timer = window.setTimeout(() => this.beat(), WAITS.heartbeatMs);
    }
}

/** A diagram of the page: one per connection to the server (GLSP's reconnect builds a new one). */
type Diagram = {
    context: EditorContextService,
    dispatcher: IActionDispatcher,
    selection: SelectionService,
    labelEdit: CellEditLabelUI
};

/** sprotty's viewport: the model point at the canvas's top left, and the zoom. */
type Viewport = { scroll: { x: number, y: number }, zoom: number };

/** What the user had in the diagram of a connection that closed, carried to the next one's: viewport, selection, open edit. */
type Kept = {
    /** The user's own viewport (zoomed or scrolled since the page's fit); undefined: the new diagram is fitted. */
    viewport?: Viewport,
    selected: string[],
    edit?: KeptEdit,
    /**
     * When the server was asked the question it did not answer, if the page gave the connection up for that
     * (Heartbeat: the server silent on an open connection); undefined when the connection closed (the server or the
     * network closed it).
     */
    silentSince?: Date
};

/** How long the page says that the connection came back (ms); a name typed that could not be kept stays (TypedNames). */
const BACK_MS = 10000;

/**
 * What the page says once it has a diagram again after a reconnect (BACK_MS): why the last connection ended and that
 * the server answers again. A connection the server or the network closed: 'The connection to the server closed and is
 * back'. One the page gave up itself, the server silent on it (kept.silentSince, Heartbeat): for how long the server
 * did not answer, from the question it left unanswered to the new diagram, and that the page closed that connection
 * and connected again; before (session 37) the page said 'closed and is back' then too, as if the server or the
 * network had closed it.
 */
function backMessage(kept: Kept, now: Date): string {
    const shows = 'the diagram shows the file as the server reads it now.';
    if (!kept.silentSince) return `The connection to the server closed and is back: ${shows}`;
    const silentS = Math.max(0, Math.round((now.getTime() - kept.silentSince.getTime()) / 1000));
    return `The diagram server did not answer for ${silentS} s (from ${clock(kept.silentSince)}): the page closed the connection `
        + `after ${WAITS.heartbeatAnswerMs / 1000} s without an answer and connected again, and the server answers again: ${shows}`;
}

/**
 * The user's viewport, selection and open label edit put back into the new diagram after a reconnect: the viewport by
 * GLSP's SetViewportAction, the elements still drawn selected again (SelectAction), the edit opened again with its
 * typed text (CellEditLabelUI.reopen) and the text checked by the server. Returns what the page is to say: that the
 * server answers again and why the last connection ended (backMessage), and, when the edit's label is no longer drawn
 * (its element gone from the file the server read after the reconnect), the element's name and the text typed, which
 * nothing applied (lost: for TypedNames).
 */
async function restore(diagram: Diagram, kept: Kept): Promise<{ message: string, lost?: { name: string, text: string } }> {
    // the new drawing is in the page (an edit is placed over its label's element)
    await new Promise(resolve => window.requestAnimationFrame(resolve));
    const root = diagram.context.modelRoot;
    if (kept.viewport) await diagram.dispatcher.dispatch(SetViewportAction.create(root.id, kept.viewport, { animate: false }));
    const selected = kept.selected.filter(id => root.index.getById(id));
    if (selected.length > 0) await diagram.dispatcher.dispatch(SelectAction.setSelection(selected));
    const reopened = kept.edit ? await diagram.labelEdit.reopen(kept.edit, diagram.dispatcher) : true;
    const lost = !reopened && kept.edit && kept.edit.text !== kept.edit.name ? kept.edit : undefined;
    const message = backMessage(kept, new Date());
    return lost ? { message, lost: { name: lost.name, text: lost.text } } : { message };
}

/** The name labels of a drawing: id -> text. */
function nameLabels(root: GModelRoot): Map<string, string> {
    const names = new Map<string, string>();
    const visit = (element: any) => {
        if (element.type === 'label:name') names.set(element.id, element.text);
        for (const child of element.children ?? []) visit(child);
    };
    visit(root);
    return names;
}

/**
 * The names the user typed that nothing applied (an open edit whose element was gone from the file after a reconnect),
 * each in a line of its own under the page's message line (#typed-names), every one kept, in the order lost (the same
 * text for the same element once). A line names the element and the text, which a click selects whole (Ctrl+C copies
 * it); its Copy button puts the text on the clipboard and the line goes; its close button drops it;
 * and it goes by itself once a later edit applies the name (a name label with that text is drawn that was not drawn
 * when the name was lost). The message line (the waiting line, 'is back', errors) never replaces it: before (session 36)
 * the name was said in the message line, and the next line said (the waiting line when the server went away again
 * before the user took the name) took it away.
 */
class TypedNames {
    /** How long a copied name's line says 'Copied' before it goes (ms). */
    static readonly COPIED_MS = 1500;
    private readonly kept: { line: HTMLElement, name: string, text: string, drawnThen: Set<string> }[] = [];

    constructor(private readonly list: HTMLElement) {}

    /** A name typed for the element name that nothing applied; drawn: the drawing's name labels now (nameLabels). */
    add(name: string, text: string, drawn: Map<string, string>): void {
        for (const old of this.kept.filter(k => k.name === name && k.text === text)) this.drop(old);
        const line = document.createElement('div');
        line.className = 'typed-name';
        const typed = document.createElement('span');
        typed.className = 'typed';
        typed.textContent = text;
        const copy = document.createElement('button');
        copy.textContent = 'Copy the name';
        const close = document.createElement('button');
        close.className = 'dismiss';
        close.textContent = '\u00d7';
        close.title = 'Dismiss: the name typed is not kept';
        line.append(`${name} is no longer in the file: the name typed for it, '`, typed,
            `', was not applied (${clock(new Date())}).`, ' ', copy, close);
        const k = { line, name, text, drawnThen: new Set([...drawn].filter(([, t]) => t === text).map(([id]) => id)) };
        copy.addEventListener('click', event => {
            event.stopPropagation();
            // the clipboard may be refused (or absent: a page not from a secure origin): the name is selected then, and stays
            (navigator.clipboard?.writeText(text) ?? Promise.reject()).then(() => this.copied(k),
                () => { window.getSelection()?.selectAllChildren(typed); copy.textContent = 'Selected: Ctrl+C copies it'; });
        });
        close.addEventListener('click', event => {
            event.stopPropagation();
            this.drop(k);
        });
        this.kept.push(k);
        this.list.append(line);
    }

    /** A new drawing: the names it shows applied (a name label with the text, not drawn when the name was lost) go. */
    drawn(labels: Map<string, string>): void {
        for (const k of [...this.kept]) {
            if ([...labels].some(([id, t]) => t === k.text && !k.drawnThen.has(id))) this.drop(k);
        }
    }

    /** The name is on the clipboard: its line says so, then goes. */
    private copied(k: TypedNames['kept'][number]): void {
        if (!this.kept.includes(k)) return;
        for (const b of k.line.querySelectorAll('button')) b.disabled = true;
        const copy = k.line.querySelector('button');
        if (copy) copy.textContent = 'Copied';
        window.setTimeout(() => this.drop(k), TypedNames.COPIED_MS);
    }

    private drop(k: TypedNames['kept'][number]): void {
        const at = this.kept.indexOf(k);
        if (at >= 0) this.kept.splice(at, 1);
        k.line.remove();
    }
}

/** An edit refused while the server is away, in words: 'The delete', 'The undo', ... */
function editNamed(action: Action): string {
    switch (action.kind) {
        case 'createNode': return 'The new element';
        case 'createEdge': return 'The new link';
        case 'deleteElement': return 'The delete';
        case 'applyLabelEdit': return 'The rename';
        case RENAME_ANSWERED: return 'The rename';
        case UndoAction.KIND: return 'The undo';
        case RedoAction.KIND: return 'The redo';
        default: return 'The edit';
    }
}

/** A time of the page's clock as HH:MM:SS. */
const clock = (t: Date) => [t.getHours(), t.getMinutes(), t.getSeconds()].map(n => String(n).padStart(2, '0')).join(':');

const file = new URLSearchParams(window.location.search).get('file') ?? '';
const status = document.getElementById('status')!;
if (!file) {
    status.textContent = 'No file: open this page with ?file=<path of a .cell file>';
    status.className = 'error';
} else {
    document.title = file.substring(file.lastIndexOf('/') + 1) + ' - CellWright diagram';
    const webSocketUrl = `ws://${window.location.host}/glsp`;
    let glspClient: CellGLSPClient | undefined;
    // the diagram of the current connection, and the viewport the page last fitted (undefined before the first fit)
    let diagram: Diagram | undefined;
    let fitted: Viewport | undefined;
    // for tests: how many models the page has drawn (the load and each redraw)
    let drawn = 0;
    /**
     * The server away (the page's connection closed, or not yet made): since when, the last attempt that failed and how,
     * and an edit refused meanwhile. The waiting line says it, at once and after each failed attempt, until the page
     * has a diagram again; while a diagram is shown it is read-only (body[data-connection=away]: dimmed), and an edit
     * is refused with the line saying so. Before (session 36) the page said nothing while it reconnected, and an edit
     * made then was lost without a word.
     */
    let away: { since: Date, silent?: boolean, unread?: string, attempt?: number, timedOut?: boolean, refused?: string } | undefined;
    // the edits a server gone silent may not have read (Heartbeat), said when the connection is given up
    let unread: string | undefined;
    // the heartbeat of the current connection (started once its diagram is drawn)
    let heartbeat: Heartbeat | undefined;
    /**
     * The viewport the user made their own (zoomed or scrolled since the page's last fit): the page's one reader of the
     * viewport, for the fit on resize (not over the user's) and the reconnect (kept). Undefined while the page's fit is
     * shown, and before the first fit.
     */
    const usersViewport = (): Viewport | undefined => {
        const root = diagram?.context.modelRoot as any;
        if (fitted === undefined || !root?.scroll || !root.zoom) return undefined;
        const now = { scroll: { x: root.scroll.x, y: root.scroll.y }, zoom: root.zoom };
        const same = now.zoom === fitted.zoom && now.scroll.x === fitted.scroll.x && now.scroll.y === fitted.scroll.y;
        return same ? undefined : now;
    };
    const fit = () => {
        if (diagram) fitted = fitBesideThePalette(diagram.context, diagram.dispatcher);
    };
    // fitted at load and again whenever the page is resized (the editor made smaller or larger), unless the user
    // zoomed or scrolled since (a viewport of their own is kept) or a reconnect is under way (its viewport is the
    // user's, put back by restore); sprotty updates the canvas bounds on 'resize' itself, the fit runs after it
    let resizing: number | undefined;
    const fitAgain = () => {
        if (away || usersViewport()) return;
        window.clearTimeout(resizing);
        resizing = window.setTimeout(() => { if (!away && !usersViewport()) fit(); }, 100);
    };
    window.addEventListener('resize', fitAgain);
    // the page's own message line (GLSP's status overlay is the server's too: its model validation clears it at once):
    // said for ms, or until clicked, as information or as an error (kind: its colour). A name the user typed that
    // nothing applied has a line of its own below it (TypedNames), which no message replaces.
    let saying: number | undefined;
    // the server's own detail of the error the line says in words (GLSP's message and stack trace, the reader's
    // message of an edit it could not read): folded under the line (Details), there as long as the line
    const statusDetails = document.getElementById('status-details') as HTMLDetailsElement;
    const showDetails = (details?: string) => {
        statusDetails.hidden = !details;
        statusDetails.open = false;
        statusDetails.querySelector('pre')!.textContent = details ?? '';
    };
    const say = (message: string, kind: 'info' | 'error', ms?: number, details?: string) => {
        window.clearTimeout(saying);
        status.textContent = message;
        status.className = kind;
        showDetails(details);
        if (ms !== undefined) saying = window.setTimeout(() => { if (status.textContent === message) say('', 'info'); }, ms);
    };
    const typedNames = new TypedNames(document.getElementById('typed-names')!);
    const sayAway = () => {
        if (!away) return;
        window.clearTimeout(saying);
        const why = away.attempt === undefined ? ''
            : `attempt ${away.attempt} ${away.timedOut ? `not answered within ${WAITS.connectMs / 1000} s` : 'failed'}, `;
        const gone = away.silent
            ? `The diagram server has not answered for ${WAITS.heartbeatAnswerMs / 1000} s, since ${clock(away.since)}`
            : `The diagram server is away since ${clock(away.since)}`;
        status.textContent = diagram
            ? `${gone}: the diagram is read-only until it is back, edits are not applied. `
                + `Reconnecting to ${webSocketUrl}: ${why}trying again every second.` + (away.unread ? ` ${away.unread}` : '')
                + (away.refused ? ` ${away.refused}` : '')
            : `Waiting for the diagram server at ${webSocketUrl} since ${clock(away.since)}: ${why}trying again every second.`;
        status.className = 'waiting';
        showDetails(undefined);
        if (diagram) document.body.dataset.connection = 'away';
    };
    status.addEventListener('click', () => {
        const selected = window.getSelection();
        if (selected && !selected.isCollapsed && status.contains(selected.anchorNode)) return;
        if (document.body.dataset.state === 'loaded' && !away) say('', 'info');
    });
    /** The user's viewport, selection and open edit in the current diagram, its edit closed without applying anything. */
    const keep = (): Kept | undefined => {
        if (!diagram) return undefined;
        return {
            viewport: usersViewport(),
            selected: diagram.selection.getSelectedElementIDs(),
            edit: diagram.labelEdit.takeOpenEdit()
        };
    };
    const initialize = async (connection: MessageConnection, kept?: Kept): Promise<void> => {
        const client = new CellGLSPClient({ id: 'cellwright', connectionProvider: connection });
        glspClient = client;
        // an error the server reports (an edit it refused: its reason) stays in the message line, in red, until
        // clicked or the next edit; the next edit's own refusal, if any, replaces it
        let serverError: string | undefined;
        client.onServerError = (error, refused) => {
            const at = clock(new Date());
            serverError = refused
                ? `${editNamed(refused)} was refused by the server (${at}): ${error.reason}`
                : `The diagram server ${error.request ? `failed while ${error.request}` : 'could not handle a request of the page'} (${at}). `
                    + 'It was no edit: the file is not changed by it. '
                    + 'If the diagram does not look right, reload it (close and open the diagram, or reload the page).';
            if (error.details) console.error(`${serverError}\nThe server's detail: ${error.details}`);
            if (!away) say(serverError, 'error', undefined, error.details);
        };
        client.onEdit = () => {
            if (serverError !== undefined && status.textContent === serverError) say('', 'info');
            serverError = undefined;
        };
        glspClient.onRefused = action => {
            if (!away) return;
            away.refused = `${editNamed(action)} was not applied (${clock(new Date())}): the server is away.`;
            sayAway();
        };
        if (kept) {
            // the last connection's drawing, tool palette and label edit go: the new diagram draws into an empty
            // placeholder, as at load (sprotty's viewer and the UI extensions find it by its id)
            const placeholder = document.createElement('div');
            placeholder.id = CLIENT_ID;
            document.getElementById(CLIENT_ID)?.replaceWith(placeholder);
        }
        const container = createContainer(file, glspClient);
        const dispatcher = container.get<IActionDispatcher>(TYPES.IActionDispatcher);
        toServer = action => dispatcher.dispatch(action);
        // for the IDE and tests: send an action (an operation) as the palette would
        const selection = container.get(SelectionService);
        (window as any).cellwrightDiagram = {
            dispatch: (action: any) => dispatcher.dispatch(action),
            selected: () => selection.getSelectedElementIDs(),
            // the drawing as a stand-alone SVG document (the page's styles inlined): Export SVG
            svg: () => exportSvg(),
            drawn: () => drawn,
            // the edits sent on this connection that the server has not answered (CellGLSPClient.unanswered)
            unanswered: () => client.unanswered.size
        };
        // the IDE (SWT Browser) follows the selection: it selects the element's text in the text editor
        selection.onSelectionChanged(change => {
            const ide = (window as any).cellwrightSelected;
            if (typeof ide === 'function') ide(change.selectedElements.join('\n'));
        });
        const context = container.get(EditorContextService);
        const labelEdit = container.get(GlspEditLabelUI) as CellEditLabelUI;
        const current: Diagram = { context, dispatcher, selection, labelEdit };
        diagram = current;
        context.onModelRootChanged(root => {
            drawn++;
            labelEdit.followLabel(root);
            typedNames.drawn(nameLabels(root));
        });
        // the tool palette appears and is filled after the model is shown (GLSP enables it, then asks the server for
        // its items): the load's fit saw no palette, or only its header, and chose the whole canvas or the rows below
        // the header for a wide drawing, which the filled palette then covered. Fitted again whenever the palette's
        // size changes, unless the user has a viewport of their own by then.
        const watchPalette = (): boolean => {
            const palette = document.querySelector('.tool-palette');
            if (!palette) return false;
            new ResizeObserver(() => { if (fitted !== undefined && diagram === current) fitAgain(); }).observe(palette);
            return true;
        };
        if (!watchPalette()) {
            const appearing = new MutationObserver(() => { if (watchPalette()) appearing.disconnect(); });
            appearing.observe(document.body, { childList: true, subtree: true });
        }
        container.get(ModelInitializationConstraint).onInitialized(async () => {
            // the heartbeat of this connection: silent for WAITS.heartbeatAnswerMs, the connection is given up
            if (diagram === current) {
                heartbeat?.stop();
                heartbeat = new Heartbeat(client, (asked, edits) => {
                    unread = !edits ? undefined : edits.count === 1
                        ? `${editNamed(edits.last)} made at ${clock(edits.at)} may not have reached the server: once it is back, the diagram shows whether it was made.`
                        : `${edits.count} edits may not have reached the server (the last, ${editNamed(edits.last).toLowerCase()}, at ${clock(edits.at)}): once it is back, the diagram shows whether they were made.`;
                    provider.giveUp(asked);
                });
            }
            // a reconnect keeps the user's own viewport (restore); the page's fit is made again for the file as read now
            if (!kept?.viewport) fit();
            if (kept) {
                const said = await restore(current, kept);
                away = undefined;
                delete document.body.dataset.connection;
                say(said.message, 'info', BACK_MS);
                if (said.lost) typedNames.add(said.lost.name, said.lost.text, nameLabels(current.context.modelRoot));
            } else {
                // 'Loading...', or what the page waited for
                away = undefined;
                say('', 'info');
            }
            document.body.dataset.state = 'loaded';
        });
        // GLSP's reconnect: the model requested again, marked as a reconnect (isReconnecting, as GLSP's own examples)
        await container.get(DiagramLoader).load({ requestModelOptions: kept ? { asks: ASKS, isReconnecting: true } : { asks: ASKS } });
    };
    const provider = new CellWebSocketProvider(webSocketUrl);
    const started = new Date();
    provider.onClosed = silentSince => {
        heartbeat?.stop();
        glspClient?.connectionClosed();
        away = silentSince ? { since: silentSince, silent: true, unread } : { since: new Date() };
        unread = undefined;
        if (silentSince) console.warn(`The diagram server has not answered for ${WAITS.heartbeatAnswerMs / 1000} s, since ${clock(silentSince)}: the connection is given up`);
        sayAway();
    };
    // a page opened before its server answers (reloaded while the server restarts, or the server gone between the
    // page's load and its connection) waits for it, saying so, and draws the diagram once it answers; a page whose
    // connection closed says how its reconnect goes
    provider.onWaiting = (attempt, timedOut) => {
        away ??= { since: started };
        away.attempt = attempt;
        away.timedOut = timedOut;
        sayAway();
    };
    provider.listen({
        onConnection: connection => {
            initialize(connection).catch(error => {
                say('Cannot load the diagram: ' + error, 'error');
                document.body.dataset.state = 'error';
            });
        },
        // the server back (started again, the network back): a new client and diagram, as GLSP's reconnect makes
        // them, with what the user had in the last one (keep, restore)
        onReconnect: connection => {
            heartbeat?.stop();
            glspClient?.stop();
            const kept: Kept = { ...(keep() ?? { selected: [] }), silentSince: away?.silent ? away.since : undefined };
            initialize(connection, kept).catch(error => {
                say('Cannot load the diagram again: ' + error, 'error');
                document.body.dataset.state = 'error';
            });
        },
        logger: console
    });
}
