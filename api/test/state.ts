import os from 'node:os';
import path from 'node:path';

export interface TestState {
  adminUrl: string;
  database: string;
  databaseUrl: string;
  redisUrl?: string;
  embeddedDir?: string;
  embeddedPort?: number;
}

export const STATE_FILE = path.join(os.tmpdir(), `leadplane-test-state-${process.ppid}-${process.pid}.json`);

export function testState(): TestState {
  const raw = process.env.LP_TEST_STATE;
  if (!raw) throw new Error('LP_TEST_STATE is not set: run the tests through jest (global-setup)');
  return JSON.parse(raw) as TestState;
}
