// Entry point of a bootstrap worker thread (see replicate-pool.ts): registers the TypeScript
// loader in this thread, as bin/auditcard.js does in the main one, then serves jobs.
import { register } from 'tsx/esm/api';

register();
await import('./replicate-thread.ts');
