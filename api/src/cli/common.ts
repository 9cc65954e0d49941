import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig } from '../config/env';
import { AppError } from '../graphql/errors';
import { createLogger } from '../lib/logger';
import { createPlatform, type Platform, type PlatformOptions } from '../platform';

/** Exit codes of every operator command: 0 done, 1 the operation failed, 2 the command line or configuration is wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A problem with the command line: reported with the usage text and exit code 2. */
export class UsageError extends Error {}

export function out(line = ''): void {
  process.stdout.write(line + '\n');
}

export function err(line: string): void {
  process.stderr.write(line + '\n');
}

type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type ParsedOptions = Record<string, string | boolean | undefined>;

/** Strict argv parsing (node:util parseArgs): unknown options and missing values are usage errors. */
export function parseCommandArgs(args: string[], options: OptionSpec, positionals: { min: number; max: number; names: string }) {
  let parsed: { values: ParsedOptions; positionals: string[] };
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const n = parsed.positionals.length;
  if (n < positionals.min) throw new UsageError(`missing ${positionals.names}`);
  if (n > positionals.max) throw new UsageError(`unexpected argument "${parsed.positionals[positionals.max]}"`);
  return parsed;
}

export function requireOption(values: ParsedOptions, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || !v.trim()) throw new UsageError(`--${name} is required`);
  return v;
}

export function intOption(values: ParsedOptions, name: string, def: number, min: number, max: number): number {
  const raw = values[name];
  if (raw === undefined) return def;
  const n = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  }
  return n;
}

/** Configuration from the environment (config/env.ts), a logger and the platform; the platform is closed afterwards. */
export async function withPlatform<T>(fn: (platform: Platform) => Promise<T>, opts: PlatformOptions = {}): Promise<T> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, config.isProduction);
  const platform = await createPlatform(config, { logger, applicationName: 'leadplane-cli', ...opts });
  try {
    return await fn(platform);
  } finally {
    await platform.close();
  }
}

/**
 * Runs a command and turns its outcome into an exit code: usage and configuration problems exit 2,
 * typed application errors print their code, anything else prints its message; all exit 1.
 */
export function runCli(main: () => Promise<number>, usage: string): void {
  void main()
    .catch((e: unknown) => {
      if (e instanceof UsageError) {
        err(`error: ${e.message}\n\n${usage}`);
        return EXIT_USAGE;
      }
      if (e instanceof ConfigError) {
        err(e.message);
        return EXIT_USAGE;
      }
      if (e instanceof AppError) {
        const fields = (e.extensions.fields as Array<{ field: string; message: string }> | undefined) ?? [];
        err(`error [${e.code}]: ${e.message}${fields.map((f) => `\n  ${f.field}: ${f.message}`).join('')}`);
        return EXIT_FAILED;
      }
      err(`error: ${e instanceof Error ? e.message : String(e)}`);
      return EXIT_FAILED;
    })
    .then((code) => {
      process.exitCode = code;
      // Everything is closed by now; should a stray handle keep the event loop alive, do not hang the operator.
      setTimeout(() => process.exit(code), 5_000).unref();
    });
}
