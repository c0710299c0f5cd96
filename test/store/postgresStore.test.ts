import { runServiceOverStore } from './serviceContract.js';
import { runStoreContract } from './storeContract.js';
import { skipPg } from './pgTestEnv.js';
import { postgresFactory } from './storeHarness.js';

runStoreContract('PostgreSQL', postgresFactory, { skip: skipPg });
runServiceOverStore('PostgreSQL', postgresFactory, { skip: skipPg });
