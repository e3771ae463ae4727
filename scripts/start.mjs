#!/usr/bin/env node
/**
 * `npm start`: builds the app and opens it in Electron. Electron (from 42) downloads its binary on first
 * use, not at install, and the SQLite driver needs a build for Electron's ABI; either can fail without the
 * internet or without a display. Then, instead of a build error, one plain line says why and the same app
 * opens in the browser (serve mode on the sample consultation, 127.0.0.1 only, with a token).
 * Tools' own output goes to build/start.log, which the one line names.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const log = join(root, 'build', 'start.log');
mkdirSync(dirname(log), { recursive: true });
writeFileSync(log, `npm start, ${new Date().toISOString()}\n`);

/** Runs a step with its output in the log; true when it succeeded. */
function step(title, command, args, env = process.env) {
  appendFileSync(log, `\n$ ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  appendFileSync(log, `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}\n`);
  if (result.status !== 0) appendFileSync(log, `(${title} failed: exit ${result.status})\n`);
  return result.status === 0;
}

/** The Electron binary if it is on disk (node_modules/electron/path.txt names it), else null. */
function electronBinary() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

/** Finds or downloads Electron; returns [binary, null] or [null, the reason it cannot be had]. */
function findElectron() {
  if (process.env.CONSULT_START === 'browser') return [null, 'CONSULT_START=browser is set'];
  const onLinuxWithoutDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (onLinuxWithoutDisplay) return [null, 'there is no display to open a window on'];
  let binary = electronBinary();
  if (binary) return [binary, null];
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return [null, 'ELECTRON_SKIP_BINARY_DOWNLOAD is set'];
  process.stdout.write('Downloading Electron (first start only)…\n');
  const installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  step('Downloading Electron', process.execPath, [installer]);
  binary = electronBinary();
  return binary ? [binary, null] : [null, 'its download failed: is there an internet connection?'];
}

function openInBrowser(reason) {
  process.stdout.write(
    `Electron is not available here (${reason}): opening Consultation Analyser in your browser instead; details in build/start.log.\n`,
  );
  const serve = spawn(process.execPath, [join(root, 'bin', 'consult.js'), 'serve', '--sample'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let opened = false;
  serve.stdout.setEncoding('utf8');
  serve.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const url = /Open: (\S+)/.exec(chunk)?.[1];
    if (url && !opened && !process.env.CONSULT_NO_OPEN) {
      opened = true;
      const opener =
        process.platform === 'darwin'
          ? ['open', [url]]
          : process.platform === 'win32'
            ? ['cmd', ['/c', 'start', '', url]]
            : ['xdg-open', [url]];
      // Where no browser can be started the URL above is still there to open by hand.
      spawn(opener[0], opener[1], { stdio: 'ignore', detached: true })
        .on('error', () => undefined)
        .unref();
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => serve.kill(signal));
  serve.on('exit', (code) => process.exit(code ?? 0));
}

// Tests of this script skip the build: they run beside tests that read the built files.
const skipBuild = process.env.CONSULT_START_SKIP_BUILD === '1';
if (!skipBuild) process.stdout.write('Building Consultation Analyser…\n');
if (
  !skipBuild &&
  !step('Building', process.execPath, [
    join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js'),
    'build',
  ])
) {
  process.stderr.write('The build failed: see build/start.log.\n');
  process.exit(1);
}
const [binary, reason] = findElectron();
if (!binary) openInBrowser(reason);
else if (
  !step('Preparing the SQLite driver for Electron', process.execPath, [join(root, 'scripts', 'electron-native.mjs')])
)
  openInBrowser('the SQLite driver could not be built for Electron');
else {
  const app = spawn(binary, [root], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
  app.on('exit', (code) => process.exit(code ?? 0));
}
