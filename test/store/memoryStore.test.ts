import { runServiceOverStore } from './serviceContract.js';
import { runStoreContract } from './storeContract.js';
import { memoryFactory } from './storeHarness.js';

runStoreContract('memory', memoryFactory);
runServiceOverStore('memory', memoryFactory);
