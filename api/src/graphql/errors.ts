import { GraphQLError, type ASTNode, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';

/**
 * Typed errors end to end: every error a client can see carries a literal `extensions.code`.
 * Modules declare their codes as enums and throw AppError subclasses; anything else is masked.
 */
export enum CommonErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Codes produced by graphql-js / Apollo itself that are safe to pass through. */
const FRAMEWORK_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export interface FieldProblem {
  field: string;
  message: string;
}

export interface AppErrorOptions {
  details?: Record<string, unknown>;
  fields?: FieldProblem[];
  httpStatus?: number;
  cause?: unknown;
  nodes?: ASTNode | ReadonlyArray<ASTNode>;
}

export class AppError extends GraphQLError {
  readonly code: string;
  constructor(code: string, message: string, opts: AppErrorOptions = {}) {
    super(message, {
      nodes: opts.nodes,
      originalError: opts.cause instanceof Error ? opts.cause : undefined,
      extensions: {
        code,
        ...(opts.fields ? { fields: opts.fields } : {}),
        ...(opts.details ?? {}),
        ...(opts.httpStatus ? { http: { status: opts.httpStatus } } : {}),
      },
    });
    this.code = code;
    this.name = 'AppError';
  }
}

export class BadInputError extends AppError {
  constructor(message: string, fields: FieldProblem[] = []) {
    super(CommonErrorCode.BAD_USER_INPUT, message, { fields, httpStatus: 400 });
  }
}

export class UnauthenticatedError extends AppError {
  /** `reason` tells clients why (e.g. REFRESH_TOKEN_REUSED) without a new top-level code to branch on. */
  constructor(message = 'Authentication required', reason?: string) {
    super(CommonErrorCode.UNAUTHENTICATED, message, { httpStatus: 401, details: reason ? { reason } : undefined });
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Not allowed') {
    super(CommonErrorCode.FORBIDDEN, message, { httpStatus: 403 });
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super(CommonErrorCode.NOT_FOUND, `${what} not found`);
  }
}

function flattenValidation(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });
}

/** Apollo formatError: known codes pass, type-graphql validation becomes BAD_USER_INPUT, the rest is masked. */
export function makeFormatError(opts: { exposeInternals: boolean; onInternal: (err: unknown) => void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof ArgumentValidationError) {
      return {
        message: 'Invalid input',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: CommonErrorCode.BAD_USER_INPUT, fields: flattenValidation(original.extensions.validationErrors as ValidationError[]) },
      };
    }
    const code = formatted.extensions?.code;
    if (original instanceof AppError) {
      // Apollo re-labels validation-rule errors GRAPHQL_VALIDATION_FAILED; the rule's own code is the truth.
      const { http: _http, stacktrace: _stack, ...extensions } = { ...formatted.extensions, ...original.extensions };
      return { ...formatted, extensions };
    }
    if (typeof code === 'string' && FRAMEWORK_CODES.has(code)) {
      const { http: _http, stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (typeof code === 'string' && code === 'BAD_USER_INPUT') {
      // graphql-js variable coercion errors ("Variable $x got invalid value") are the client's fault.
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    opts.onInternal(original);
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: CommonErrorCode.INTERNAL_SERVER_ERROR,
        ...(opts.exposeInternals ? { debug: String((original as Error)?.message ?? original) } : {}),
      },
    };
  };
}
