/**
 * better-sqlite3's native addon is built per runtime: node_modules holds the Node build (tests, CLI, serve);
 * the Electron app sets CONSULT_SQLITE_BINDING to its own build (scripts/electron-native.mjs), which every
 * thread inherits, so both builds coexist on one checkout.
 */
export function getNativeBinding(): string | undefined {
  return process.env.CONSULT_SQLITE_BINDING || undefined;
}
