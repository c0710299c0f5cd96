import { runStoreContract } from './storeContract.js';
import { skipPg } from './pgTestEnv.js';
import { postgresFactory } from './storeHarness.js';

runStoreContract('PostgreSQL', postgresFactory, { skip: skipPg });
