import express from 'express';
import { pinoHttp } from 'pino-http';
import { loggableUrl } from '../infra/logger.js';
import { authenticate } from './authentication.js';
import type { ApiDependencies } from './dependencies.js';
import { openApiDocument } from './openapi.js';
import { HttpProblem, problemHandler } from './problem.js';
import { refuseNonTextInBody, refuseNonTextInUrl } from './request-guards.js';
import { requestMetrics } from './request-metrics.js';
import { caseRoutes } from './routes/cases.js';
import { codecRoutes } from './routes/codec.js';
import { credentialRoutes } from './routes/credentials.js';
import { contractCourseRoutes } from './routes/contract-course.js';
import { contractRoutes } from './routes/contract.js';
import { contractSigningRoutes } from './routes/contract-signing.js';
import { signingRoutes } from '../web/signing-routes.js';
import { pageRoutes } from '../web/pages.js';
import { docsRoutes } from './routes/docs.js';
import { documentRoutes, isDocumentUpload } from './routes/documents.js';
import { healthRoutes } from './routes/health.js';
import { recognitionRoutes } from './routes/recognitions.js';
import { recognitionRevocationRoutes } from './routes/recognition-revocation.js';
import { referenceRoutes } from './routes/reference.js';
import { reportRoutes } from './routes/reports.js';
import { recognitionTimesRoutes } from './routes/recognition-times.js';
import { taskQueueRoutes } from './routes/task-queue.js';
import { taskRoutes } from './routes/tasks.js';
import { whoIsWhoRoutes } from './routes/who-is-who.js';

export function createApp(dependencies: ApiDependencies): express.Express {
  const { config, db, keys, logger } = dependencies;
  const app = express();
  app.disable('x-powered-by');
  const metrics = requestMetrics(app);
  app.use(metrics.middleware);
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (request) => request.url === '/healthz' || request.url === '/metrics' },
      serializers: { req: (request: { url: string }) => ({ ...request, url: loggableUrl(request.url) }) },
    }),
  );
  app.use(express.json({ limit: '1mb' }));
  // The signing links' public door reads its own forms, before any login.
  app.use('/sign', signingRoutes(dependencies));
  // The browser door: the parties' pages, with their own session and forms.
  app.use(pageRoutes(dependencies));
  // A body the API cannot read is refused, not silently ignored.
  app.use((request, _response, next) => {
    const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
    if (hasBody && !request.is('application/json') && !isDocumentUpload(request)) {
      throw new HttpProblem(415, 'Unsupported media type', 'Send the body as application/json');
    }
    next();
  });

  app.use(healthRoutes(dependencies));
  // Outside /v1's login: for the scraper inside the network; the reverse proxy does not pass it on.
  app.get('/metrics', metrics.handler);
  const document = openApiDocument(config.publicBaseUrl);
  app.get('/v1/openapi.json', (_request, response) => {
    response.json(document);
  });

  // The API's reference, drawn from the document above with files served here (no CDN is reachable).
  app.use('/docs', docsRoutes());
  app.use('/codec', codecRoutes(dependencies));
  // Anyone checks a recognition credential, without an account.
  app.use('/credentials', credentialRoutes(dependencies));
  app.use('/v1', authenticate({ db, keys, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE }));
  app.use('/v1', refuseNonTextInUrl, refuseNonTextInBody);
  // Before /v1/recognitions/:id, which would take `processing-times` for an id.
  app.use('/v1/recognitions/processing-times', recognitionTimesRoutes(dependencies));
  app.use('/v1/cases/:id/documents', documentRoutes(dependencies));
  app.use('/v1/cases/:id', contractCourseRoutes(dependencies));
  app.use('/v1/cases/:id/contract', contractRoutes(dependencies), contractSigningRoutes(dependencies));
  app.use('/v1/cases', caseRoutes(dependencies));
  app.use('/v1/tasks', taskQueueRoutes(dependencies), taskRoutes(dependencies));
  app.use('/v1/reference', referenceRoutes(dependencies));
  app.use('/v1/reports', reportRoutes(dependencies));
  app.use('/v1/recognitions', recognitionRoutes(dependencies), recognitionRevocationRoutes(dependencies));
  app.use('/v1', whoIsWhoRoutes(dependencies));

  app.use((request) => {
    throw new HttpProblem(404, 'Not found', `Nothing at ${request.method} ${request.path}`);
  });
  app.use(problemHandler(logger));
  return app;
}
