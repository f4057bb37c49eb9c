/**
 * The scenarios the tutorial (docs/tutorial/) shows a report of: `npm run screenshots` draws each
 * into docs/tutorial/img/<name>.png, and the tutorial's test checks its chapters show only these.
 */
export const TUTORIAL_SCREENSHOTS = [
  'notes-context',
  'notes-pprint',
  'notes-queue-one-at-a-time',
  'notes-socket-word-count',
  'notes-text-file-stream',
  'notes-map',
  'notes-flat-map',
  'notes-count-count-by-value',
  'notes-transform',
  'notes-update-state-by-key',
  'notes-window',
] as const;
