import { ConfigError, loadConfig } from './env';

/** DB_READ_LANES: the batch reader's lanes at most (0: the platform's default, half the pool; the runtime uses one per 1,000 tenants). */
describe('DB_READ_LANES', () => {
  const base = { NODE_ENV: 'test', DB_POOL_MAX: '10' };

  test('0 by default: the platform’s default (half the pool at most)', () => {
    expect(loadConfig(base, {}).db.readLanes).toBe(0);
  });

  test('a fixed number below the pool size is taken as it is', () => {
    expect(loadConfig({ ...base, DB_READ_LANES: '3' }, {}).db.readLanes).toBe(3);
  });

  test('as many lanes as the pool has connections is refused: writes and the control plane need some', () => {
    expect(() => loadConfig({ ...base, DB_READ_LANES: '10' }, {})).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, DB_READ_LANES: '10' }, {})).toThrow(/DB_READ_LANES: must be below DB_POOL_MAX \(10\)/);
    expect(() => loadConfig({ ...base, DB_READ_LANES: '-1' }, {})).toThrow(/DB_READ_LANES/);
  });
});
