// Bundles the GLSP client into dist/ (bundle.js, bundle.css, index.html), which the Java server serves.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

mkdirSync('dist', { recursive: true });
await esbuild.build({
    entryPoints: { bundle: 'src/app.ts' },
    bundle: true,
    outdir: 'dist',
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: false,
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file' },
    logLevel: 'warning'
});
copyFileSync('static/index.html', 'dist/index.html');
