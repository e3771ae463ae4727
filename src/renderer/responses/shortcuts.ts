/**
 * The keyboard shortcuts of the Responses area: one list drives both the key handler and the `?` sheet.
 * Single-character shortcuts work only while the responses table has focus (never while typing), and can be
 * turned off in Settings (WCAG 2.1.4).
 */
export type ShortcutAction =
  | 'next'
  | 'previous'
  | 'pageDown'
  | 'pageUp'
  | 'first'
  | 'last'
  | 'select'
  | 'read'
  | 'inReview'
  | 'done'
  | 'exclude'
  | 'unread'
  | 'followUp'
  | 'quote'
  | 'organisation'
  | 'safeguarding'
  | 'priority'
  | 'assign'
  | 'note'
  | 'search'
  | 'undo'
  | 'help';

export interface Shortcut {
  /** KeyboardEvent.key values that trigger it. */
  keys: string[];
  /** How the sheet shows the keys. */
  label: string;
  action: ShortcutAction;
  description: string;
  /** With Ctrl or ⌘ held. */
  ctrl?: boolean;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: ['j', 'ArrowDown'], label: 'J or ↓', action: 'next', description: 'Next response' },
  { keys: ['k', 'ArrowUp'], label: 'K or ↑', action: 'previous', description: 'Previous response' },
  { keys: ['PageDown'], label: 'Page Down', action: 'pageDown', description: 'One screen down' },
  { keys: ['PageUp'], label: 'Page Up', action: 'pageUp', description: 'One screen up' },
  { keys: ['Home'], label: 'Home', action: 'first', description: 'First response' },
  { keys: ['End'], label: 'End', action: 'last', description: 'Last response' },
  { keys: ['x', ' '], label: 'X or Space', action: 'select', description: 'Select or unselect for a bulk action' },
  { keys: ['r'], label: 'R', action: 'read', description: 'Status: read' },
  { keys: ['i'], label: 'I', action: 'inReview', description: 'Status: in review' },
  { keys: ['d'], label: 'D', action: 'done', description: 'Status: done' },
  { keys: ['e'], label: 'E', action: 'exclude', description: 'Exclude, with a reason' },
  { keys: ['U'], label: 'Shift+U', action: 'unread', description: 'Status: new (unread)' },
  { keys: ['f'], label: 'F', action: 'followUp', description: 'Flag: needs follow-up' },
  { keys: ['q'], label: 'Q', action: 'quote', description: 'Flag: notable quote' },
  { keys: ['o'], label: 'O', action: 'organisation', description: 'Flag: organisation response' },
  { keys: ['s'], label: 'S', action: 'safeguarding', description: 'Flag: safeguarding concern' },
  { keys: ['p'], label: 'P', action: 'priority', description: 'Next priority (none, low, medium, high)' },
  { keys: ['a'], label: 'A', action: 'assign', description: 'Assign to me, or unassign' },
  { keys: ['n'], label: 'N', action: 'note', description: 'Write a note' },
  { keys: ['/'], label: '/', action: 'search', description: 'Search' },
  { keys: ['u'], label: 'U', action: 'undo', description: 'Undo the last decision' },
  { keys: ['z'], label: 'Ctrl+Z', action: 'undo', description: 'Undo the last decision', ctrl: true },
  { keys: ['?'], label: '?', action: 'help', description: 'Show these shortcuts' },
];

/** Single printable characters, which WCAG 2.1.4 lets the user turn off. */
export const isCharacterKey = (key: string): boolean => key.length === 1;

export function findShortcut(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  characterKeys: boolean,
): ShortcutAction | null {
  if (event.altKey) return null;
  const ctrl = event.ctrlKey || event.metaKey;
  const hit = SHORTCUTS.find((s) => !!s.ctrl === ctrl && s.keys.includes(event.key));
  if (!hit) return null;
  if (!hit.ctrl && isCharacterKey(event.key) && !characterKeys) return null;
  return hit.action;
}
