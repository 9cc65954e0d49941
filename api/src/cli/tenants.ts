import 'reflect-metadata';
import { EXIT_OK, intOption, out, parseCommandArgs, runCli, UsageError, withPlatform, EXIT_FAILED } from './common';
import { migrateTenants } from './migrate-output';
import { createTenant, listTenants, setTenantStatus } from './tenant-commands';

const USAGE = `Usage: npm run tenants -- <command> [options]

Commands:
  create <slug> --name <name> --admin-email <email> [--admin-name <name>] [--admin-password <password>]
         [--no-wait] [--timeout <seconds>]
      Record the tenant and queue its provisioning, then provision it here and wait until it is active
      (or failed). A new admin user without --admin-password gets a generated password, printed once.
      --no-wait leaves provisioning to the API's job worker.
  migrate [--tenant <slug>] [--concurrency <n>]
      Apply pending tenant migrations to every tenant (or one). A failed tenant keeps its previous
      version and is reported; the others go on. Running it again finishes what is left.
  list [--status <provisioning|active|suspended|failed|deleted>]
  suspend <slug>
  reactivate <slug>
  help

Configuration comes from the environment (see .env.example). Exit codes: 0 done, 1 failed, 2 usage.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'create': {
      const { values, positionals } = parseCommandArgs(
        args,
        {
          name: { type: 'string' },
          'admin-email': { type: 'string' },
          'admin-name': { type: 'string' },
          'admin-password': { type: 'string' },
          'no-wait': { type: 'boolean' },
          timeout: { type: 'string' },
        },
        { min: 1, max: 1, names: '<slug>' },
      );
      const name = values.name;
      const adminEmail = values['admin-email'];
      if (typeof name !== 'string' || !name.trim()) throw new UsageError('--name is required');
      if (typeof adminEmail !== 'string' || !adminEmail.trim()) throw new UsageError('--admin-email is required');
      const timeoutS = intOption(values, 'timeout', 300, 1, 86_400);
      return withPlatform((p) =>
        createTenant(p, {
          slug: positionals[0]!,
          name,
          adminEmail,
          adminName: values['admin-name'] as string | undefined,
          adminPassword: values['admin-password'] as string | undefined,
          wait: !values['no-wait'],
          timeoutMs: timeoutS * 1000,
        }),
      );
    }
    case 'migrate': {
      const { values } = parseCommandArgs(args, { tenant: { type: 'string' }, concurrency: { type: 'string' } }, { min: 0, max: 0, names: '' });
      const concurrency = intOption(values, 'concurrency', 4, 1, 64);
      const slug = values.tenant as string | undefined;
      return withPlatform(async (p) => ((await migrateTenants(p, { slug, concurrency })) ? EXIT_OK : EXIT_FAILED));
    }
    case 'list': {
      const { values } = parseCommandArgs(args, { status: { type: 'string' } }, { min: 0, max: 0, names: '' });
      return withPlatform((p) => listTenants(p, values.status as string | undefined));
    }
    case 'suspend':
    case 'reactivate': {
      const { positionals } = parseCommandArgs(args, {}, { min: 1, max: 1, names: '<slug>' });
      return withPlatform((p) => setTenantStatus(p, positionals[0]!, command === 'suspend' ? 'suspended' : 'active'));
    }
    case 'help':
    case '--help':
    case '-h':
      out(USAGE);
      return EXIT_OK;
    case undefined:
      throw new UsageError('missing command');
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

runCli(() => main(process.argv.slice(2)), USAGE);
