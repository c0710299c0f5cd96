import { runServiceOverStore } from './serviceContract.js';
import { runStoreContract } from './storeContract.js';
import { skipPgTests } from './pgTestEnv.js';
import { postgresFactory } from './storeHarness.js';

runStoreContract('PostgreSQL', postgresFactory, { skip: skipPgTests() });
runServiceOverStore('PostgreSQL', postgresFactory, { skip: skipPgTests() });
