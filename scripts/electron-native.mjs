#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron's ABI into build/electron-native/, leaving node_modules' Node build
 * alone, so `npm test` (Node) and `npm start` (Electron) both work on one checkout in either order.
 * The app passes the result to better-sqlite3 as `nativeBinding`. Runs before `npm start`; does nothing
 * when the build for this Electron version is already there.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const outDir = join(root, 'build', 'electron-native');
const target = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');

const version = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
const stamp = {
  electron: version('electron'),
  betterSqlite3: version('better-sqlite3'),
  platform: process.platform,
  arch: process.arch,
};

if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === JSON.stringify(stamp))
  process.exit(0);

const source = dirname(require.resolve('better-sqlite3/package.json'));
const work = join(outDir, 'work');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
for (const part of ['package.json', 'binding.gyp', 'src', 'deps', 'lib'])
  cpSync(join(source, part), join(work, part), { recursive: true });

// npm may point node-gyp at Node's own headers (nodedir); Electron's ABI needs Electron's headers.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key)),
);
const run = (command, args) => execFileSync(command, args, { cwd: work, stdio: 'inherit', env });
const electronArgs = [`--runtime=electron`, `--target=${stamp.electron}`, `--arch=${stamp.arch}`];

console.log(`Preparing better-sqlite3 ${stamp.betterSqlite3} for Electron ${stamp.electron}…`);
try {
  // A prebuilt binary when one is published for this Electron…
  run(process.execPath, [require.resolve('prebuild-install/bin.js'), ...electronArgs]);
} catch {
  // …otherwise compile against Electron's headers.
  const npmDir = dirname(dirname(process.env.npm_execpath ?? require.resolve('npm/package.json')));
  const nodeGyp = [
    join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(npmDir, 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].find(existsSync);
  if (!nodeGyp) {
    console.error(
      'Could not find node-gyp to build better-sqlite3 for Electron. Install it with `npm i -g node-gyp` and run `npm start` again.',
    );
    process.exit(1);
  }
  try {
    run(process.execPath, [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${stamp.electron}`,
      `--arch=${stamp.arch}`,
      '--dist-url=https://electronjs.org/headers',
    ]);
  } catch {
    console.error(
      `Could not build better-sqlite3 for Electron ${stamp.electron}: it needs a prebuilt binary or Electron's headers, both downloaded from the internet. Connect and run \`npm start\` again.`,
    );
    process.exit(1);
  }
}
const built = join(work, 'build', 'Release', 'better_sqlite3.node');
// A binary that loads in this Node was built for Node's ABI, not Electron's: the app would crash on it.
let loadsInNode = false;
try {
  process.dlopen({ exports: {} }, built);
  loadsInNode = true;
} catch {
  // Expected: Electron's ABI differs from Node's.
}
if (loadsInNode) {
  console.error(
    'better-sqlite3 was built for Node, not Electron (were Electron headers unavailable?). Check your connection and run `npm start` again.',
  );
  process.exit(1);
}
cpSync(built, target);
writeFileSync(stampFile, JSON.stringify(stamp));
rmSync(work, { recursive: true, force: true });
console.log(`better-sqlite3 for Electron is ready: ${target}`);
