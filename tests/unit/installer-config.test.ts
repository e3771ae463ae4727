import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/main/util/paths';

const require = createRequire(import.meta.url);
const root = packageRoot();

interface Target {
  target: string;
}
interface BuilderConfig {
  productName?: string;
  icon?: string;
  asarUnpack?: string[];
  files?: unknown[];
  win?: { target: Target[] };
  mac?: { target: Target[] };
  linux?: { target: string[] };
}
interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, fromOptions: object | null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: object): Promise<void>;
}
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as ConfigModule;
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => object };

/** electron-builder.yml as electron-builder itself loads it (`npm run dist` cannot run offline: no Electron zip). */
describe('the installers configuration', () => {
  it('is valid against electron-builder’s own schema, and an unknown key is not', async () => {
    const config = await getConfig(root, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const misspelt = await getConfig(root, null, { asarUnpak: ['x'] });
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/asarUnpak/);
  });

  it('builds NSIS, dmg, AppImage and deb with the app’s name and icon, native code and models unpacked', async () => {
    const config = await getConfig(root, null, null);
    expect(config.productName).toBe('Consultation Analyser');
    expect(config.win?.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.mac?.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node', 'resources/models/**']));

    // electron-builder makes every platform's icon from one PNG of at least 512 px.
    const png = readFileSync(join(root, config.icon!));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);

    // The app's entry point is among the files packed.
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
  });
});
