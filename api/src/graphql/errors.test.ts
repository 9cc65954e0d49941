import { GraphQLError } from 'graphql';
import { AppError, BadInputError, makeFormatError } from './errors';

const format = (exposeInternals: boolean, seen: unknown[] = []) => makeFormatError({ exposeInternals, onInternal: (e) => seen.push(e) });

test('unknown errors are masked as INTERNAL_SERVER_ERROR and reported, with internals only in development', () => {
  const seen: unknown[] = [];
  const boom = new Error('relation "t_acme.leads" does not exist');
  const wrapped = new GraphQLError(boom.message, { originalError: boom, path: ['x'] });
  const prod = format(false, seen)({ message: boom.message, path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at ...'] } }, wrapped);
  expect(prod).toEqual({ message: 'Internal server error', path: ['x'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  expect(JSON.stringify(prod)).not.toContain('t_acme');
  expect(seen).toEqual([boom]);
  const dev = format(true)({ message: boom.message, extensions: {} }, wrapped);
  expect(dev.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', debug: boom.message });
});

test('typed errors keep their code and details but drop http status and stack traces', () => {
  const err = new BadInputError('Invalid input', [{ field: 'email', message: 'must be an email' }]);
  const out = format(false)({ message: err.message, extensions: { ...err.extensions, stacktrace: ['x'] } }, err);
  expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'email', message: 'must be an email' }] });
});

test('a code that is not ours and not graphql-js/Apollo is masked, even when it looks typed', () => {
  const forged = new GraphQLError('nope', { extensions: { code: 'TENANT_OK' } });
  expect(format(false)({ message: 'nope', extensions: { code: 'TENANT_OK' } }, forged).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  const ours = new AppError('TENANT_SUSPENDED', 'suspended', { httpStatus: 403 });
  expect(format(false)({ message: 'suspended', extensions: ours.extensions }, ours).extensions).toEqual({ code: 'TENANT_SUSPENDED' });
});
