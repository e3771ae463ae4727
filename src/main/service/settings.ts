import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import type { RecentProject, Settings } from '../../shared/api';

const stored = z.object({
  analystName: z.string().max(200).optional(),
  characterShortcuts: z.boolean().optional(),
  recent: z
    .array(z.object({ path: z.string(), title: z.string(), openedAt: z.string() }))
    .max(50)
    .optional(),
});
type Stored = z.infer<typeof stored>;

const MAX_RECENT = 10;

function defaultAnalyst(): string {
  try {
    return userInfo().username || 'analyst';
  } catch {
    return 'analyst';
  }
}

/** The user's settings and recent projects: one small JSON file in the app's data folder. */
export class SettingsStore {
  private readonly file: string;
  private data: Stored;

  constructor(readonly dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, 'settings.json');
    this.data = this.load();
  }

  private load(): Stored {
    if (!existsSync(this.file)) return {};
    try {
      const parsed = stored.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {}; // A damaged settings file must never stop the app from starting.
    }
  }

  private save(): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 2));
    renameSync(tmp, this.file);
  }

  get(): Settings {
    return {
      analystName: this.data.analystName || defaultAnalyst(),
      characterShortcuts: this.data.characterShortcuts ?? true,
    };
  }

  set(patch: Partial<Settings>): Settings {
    if (patch.analystName !== undefined) this.data.analystName = patch.analystName.trim();
    if (patch.characterShortcuts !== undefined) this.data.characterShortcuts = patch.characterShortcuts;
    this.save();
    return this.get();
  }

  recent(): RecentProject[] {
    return (this.data.recent ?? []).map((r) => ({ ...r, exists: existsSync(r.path) }));
  }

  addRecent(path: string, title: string): void {
    const rest = (this.data.recent ?? []).filter((r) => r.path !== path);
    this.data.recent = [{ path, title, openedAt: new Date().toISOString() }, ...rest].slice(0, MAX_RECENT);
    this.save();
  }
}
