/**
 * Budgets of query cost points that no test reaches by its own heavy use (a file sends hundreds of
 * requests with one token, and every request comes from 127.0.0.1). A test that means to reach a budget
 * sets small ones over these, as test/security/request-budget.test.ts does.
 */
export const GENEROUS_BUDGETS: Record<string, string> = {
  API_BUDGET_USER_POINTS: '100000000',
  API_BUDGET_TOKEN_POINTS: '100000000',
  API_BUDGET_ANONYMOUS_POINTS: '100000000',
};
