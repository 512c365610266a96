import { runStoreContract } from './contract.ts';
import { openStore } from './store.ts';

runStoreContract(() => openStore('sqlite::memory:'));
