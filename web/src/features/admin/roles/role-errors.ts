import { apiProblem, type ApiProblem } from '../../../lib/errors';

/**
 * What the roles and members screens say for a refusal, chosen by `extensions.code`. PERMISSION_ESCALATION names
 * the permissions the caller lacks (extensions.missing), so the admin knows which box to clear.
 */
export function adminErrorText(problem: ApiProblem): string {
  switch (problem.code) {
    case 'PERMISSION_ESCALATION': {
      const missing = problem.extensions.missing;
      return Array.isArray(missing) && missing.length ? `${problem.message} Missing: ${missing.join(', ')}.` : problem.message;
    }
    default:
      return problem.message;
  }
}

/** The problem of an Apollo error (or null), with the text to show. */
export function adminError(error: unknown): (ApiProblem & { text: string }) | null {
  const problem = apiProblem(error);
  return problem ? { ...problem, text: adminErrorText(problem) } : null;
}
