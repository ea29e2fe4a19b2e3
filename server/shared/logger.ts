/**
 * Where the API, its routes and the worker write their lines. Kept apart from the app factory so a route
 * or a job can take a logger without importing everything createApp wires together.
 */
export interface Logger {
  info(line: string): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

/** Errors as one JSON object per line, so a log collector can pick out the request id. */
export const consoleLogger: Logger = {
  info: (line) => console.log(line),
  error: (message, meta) => console.error(JSON.stringify({ level: 'error', message, ...meta })),
};

export const silentLogger: Logger = {
  info: () => {},
  error: () => {},
};
