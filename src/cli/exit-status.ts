/** Exit statuses of every `auditcard` command (DESIGN.md, "Command line"). */
export const exitStatus = {
  /** Everything was fine (warnings may have been printed). */
  ok: 0,
  /** The content has errors: nothing was published or written. */
  contentErrors: 1,
  /** Wrong usage, or an internal error. */
  usage: 2,
} as const;
