// GLSP web client of a .cell diagram. The page is served by the Java GLSP server (org.cellwright.diagram), which also
// holds the websocket endpoint: ws://<same host:port>/glsp. The file comes from the page's ?file= parameter.
import 'reflect-metadata';

import {
    BaseJsonrpcGLSPClient,
    ConsoleLogger,
    DiagramLoader,
    EditMode,
    FeatureModule,
    FitToScreenAction,
    GLabel,
    GLabelView,
    GNode,
    IActionDispatcher,
    ModelInitializationConstraint,
    RoundedCornerNodeView,
    SelectionService,
    configureModelElement,
    editLabelFeature,
    GLSPClient,
    GLSPWebSocketProvider,
    LogLevel,
    STANDALONE_MODULE_CONFIG,
    TYPES,
    bindOrRebind,
    configureDefaultModelElements,
    createDiagramOptionsModule,
    initializeDiagramContainer
} from '@eclipse-glsp/client';
import '@eclipse-glsp/client/css/glsp-sprotty.css';
import { Container } from 'inversify';
import { MessageConnection } from 'vscode-jsonrpc';
import './cellwright-diagram.css';

const DIAGRAM_TYPE = 'cellwright-diagram';
const CLIENT_ID = 'sprotty'; // the id of the div the diagram is drawn into

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
    },
    { featureId: Symbol('cellwrightDiagram') }
);

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

const file = new URLSearchParams(window.location.search).get('file') ?? '';
const status = document.getElementById('status')!;
if (!file) {
    status.textContent = 'No file: open this page with ?file=<path of a .cell file>';
} else {
    document.title = file.substring(file.lastIndexOf('/') + 1) + ' - CellWright diagram';
    const webSocketUrl = `ws://${window.location.host}/glsp`;
    let glspClient: GLSPClient | undefined;
    const initialize = async (connection: MessageConnection): Promise<void> => {
        glspClient = new BaseJsonrpcGLSPClient({ id: 'cellwright', connectionProvider: connection });
        const container = createContainer(file, glspClient);
        const dispatcher = container.get<IActionDispatcher>(TYPES.IActionDispatcher);
        // for the IDE and tests: send an action (an operation) as the palette would
        const selection = container.get(SelectionService);
        (window as any).cellwrightDiagram = {
            dispatch: (action: any) => dispatcher.dispatch(action),
            selected: () => selection.getSelectedElementIDs(),
            // the drawing as a stand-alone SVG document (the page's styles inlined): Export SVG
            svg: () => exportSvg()
        };
        // the IDE (SWT Browser) follows the selection: it selects the element's text in the text editor
        selection.onSelectionChanged(change => {
            const ide = (window as any).cellwrightSelected;
            if (typeof ide === 'function') ide(change.selectedElements.join('\n'));
        });
        container.get(ModelInitializationConstraint).onInitialized(() => {
            dispatcher.dispatch(FitToScreenAction.create([], { padding: 20, maxZoom: 1, animate: false }));
            document.body.dataset.state = 'loaded';
        });
        await container.get(DiagramLoader).load();
        status.textContent = '';
    };
    new GLSPWebSocketProvider(webSocketUrl).listen({
        onConnection: connection => {
            initialize(connection).catch(error => {
                status.textContent = 'Cannot load the diagram: ' + error;
                document.body.dataset.state = 'error';
            });
        },
        onReconnect: connection => {
            glspClient?.stop();
            initialize(connection);
        },
        logger: console
    });
}
