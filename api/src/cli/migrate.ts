import 'reflect-metadata';
import { migrateControlPlane } from '../db/control-migrator';
import { EXIT_FAILED, EXIT_OK, intOption, out, parseCommandArgs, runCli, withPlatform } from './common';
import { migrateTenants } from './migrate-output';

const USAGE = `Usage: npm run migrate [-- --concurrency <n>]

Applies the control-plane migrations (migrations/control), then the tenant migrations (migrations/tenant) to
every active or suspended tenant, one transaction per tenant. A tenant that fails keeps its previous version
and is reported while the others go on; running it again finishes what is left.
Exit codes: 0 done, 1 something failed, 2 usage.`;

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'help' || argv.includes('--help') || argv.includes('-h')) {
    out(USAGE);
    return EXIT_OK;
  }
  const { values } = parseCommandArgs(argv, { concurrency: { type: 'string' } }, { min: 0, max: 0, names: '' });
  const concurrency = intOption(values, 'concurrency', 4, 1, 64);
  return withPlatform(
    async (platform) => {
      const applied = await migrateControlPlane(platform.db, platform.logger);
      out(applied.length ? `control plane: applied ${applied.join(',')}` : 'control plane: up to date');
      return (await migrateTenants(platform, { concurrency })) ? EXIT_OK : EXIT_FAILED;
    },
    { migrate: false },
  );
}

runCli(() => main(process.argv.slice(2)), USAGE);
