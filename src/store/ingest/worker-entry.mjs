// Worker threads do not inherit the main thread's module hooks, so each one registers tsx itself
// before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
