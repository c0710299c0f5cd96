import { runStoreContract } from './storeContract.js';
import { sqliteFactory } from './storeHarness.js';

runStoreContract('SQLite', sqliteFactory);
