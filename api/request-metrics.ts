import type express from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The part of Express's routing layer this module reads (not in its types). */
interface Layer {
  route?: unknown;
  rawPath?: unknown;
  matchers?: Array<(path: string) => false | { path: string }>;
}

/**
 * The pattern (`/v1/cases/:id/contract`) an app-level `app.use(pattern, router)` was mounted
 * at, from the prefix (`/v1/cases/C-2026-0001/contract`) that router saw as its base URL.
 * The routers of this app mount no paths of their own below that, so one level is enough.
 */
function mountPattern(app: express.Express, baseUrl: string): string | undefined {
  if (baseUrl === '') return '';
  const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  for (const layer of stack) {
    if (layer.route !== undefined || typeof layer.rawPath !== 'string') continue;
    if (layer.matchers?.some((match) => (match(baseUrl) || undefined)?.path === baseUrl)) return layer.rawPath;
  }
  return undefined;
}

export interface RequestMetrics {
  /** Times every request; put it before the routes. */
  middleware: express.RequestHandler;
  /** Answers `GET /metrics` in Prometheus' text format. */
  handler: express.RequestHandler;
}

/**
 * The API's request metrics: a histogram of request durations by method, route pattern and
 * status, and prom-client's default process metrics, on a registry of this app's own (tests
 * run several apps in one process). The route is the pattern, never the URL: ids would make
 * one series per case and put them in the metrics.
 */
export function requestMetrics(app: express.Express): RequestMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from a request reaching the API to its answer being sent, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const middleware: express.RequestHandler = (request, response, next) => {
    const end = duration.startTimer();
    // Express sets `request.route` when a route matches, while `baseUrl` is still that of the
    // route's router; by the time the answer is sent an error may have unwound both.
    let route: { path: unknown } | undefined;
    let pattern: string | undefined;
    Object.defineProperty(request, 'route', {
      configurable: true,
      enumerable: true,
      get: () => route,
      set(value: { path: unknown } | undefined) {
        route = value;
        const mount = value && mountPattern(app, request.baseUrl);
        if (value && mount !== undefined) pattern = `${mount}${String(value.path)}`.replace(/(.)\/$/, '$1');
      },
    });
    response.once('finish', () => {
      end({ method: request.method, route: pattern ?? '(unmatched)', status: String(response.statusCode) });
    });
    next();
  };

  const handler: express.RequestHandler = async (_request, response) => {
    response.type(registry.contentType).send(await registry.metrics());
  };

  return { middleware, handler };
}
