/**
 * better-sqlite3's native addon is built per runtime: node_modules holds the Node build (tests, CLI, serve);
 * the Electron app passes the path of its own build (scripts/electron-native.mjs) so both coexist.
 */
let nativeBinding: string | undefined = process.env.CONSULT_SQLITE_BINDING || undefined;

export function setNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

export function getNativeBinding(): string | undefined {
  return nativeBinding;
}
