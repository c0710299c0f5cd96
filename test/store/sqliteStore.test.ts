import { runServiceOverStore } from './serviceContract.js';
import { runStoreContract } from './storeContract.js';
import { sqliteFactory } from './storeHarness.js';

runStoreContract('SQLite', sqliteFactory);
runServiceOverStore('SQLite', sqliteFactory);
