import { Router, type NextFunction, type Request, type Response } from 'express';
import swaggerUi, { type SwaggerUiOptions } from 'swagger-ui-express';

/** Where the page reads the API's description: the app's own, fetched by the browser (never a copy inlined). */
export const openApiDocumentPath = '/v1/openapi.json';

const pageOptions: SwaggerUiOptions = {
  customSiteTitle: 'Cross-border apprenticeship API',
  // Wins over a `?url=` in the address: the page shows this API's description and no other.
  swaggerUrl: openApiDocumentPath,
  swaggerOptions: {
    // Swagger UI's default sends the document's address to validator.swagger.io for a badge.
    validatorUrl: null,
  },
};

/**
 * Everything from this origin: Swagger UI's own files, its inline styles and `data:` images,
 * the document fetched from here (and "Try it out" sent here: the document's server is this API).
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function sameOriginOnly(_request: Request, response: Response, next: NextFunction): void {
  response.set('Content-Security-Policy', contentSecurityPolicy);
  next();
}

/** The page links its files relatively (`./swagger-ui.css`): `/docs` becomes `/docs/`. */
function withTrailingSlash(request: Request, response: Response, next: NextFunction): void {
  const queryAt = request.originalUrl.indexOf('?');
  const path = queryAt === -1 ? request.originalUrl : request.originalUrl.slice(0, queryAt);
  if (path.endsWith('/')) return next();
  response.redirect(301, `${request.baseUrl}/${queryAt === -1 ? '' : request.originalUrl.slice(queryAt)}`);
}

/**
 * `/docs/`: the API's reference, Swagger UI rendering `/v1/openapi.json`. Every file it loads is
 * served from here (swagger-ui-dist, installed with the app): the page needs no CDN. Public, as the
 * document is: it shows what the API offers, and each call made from it still needs a bearer token.
 */
export function docsRoutes(): Router {
  const router = Router();
  router.use(sameOriginOnly);
  router.get('/', withTrailingSlash, swaggerUi.setup(null, pageOptions));
  // `swagger-ui-init.js` (the options above) and swagger-ui-dist's files; 404 for its package.json.
  router.use(swaggerUi.serveFiles(undefined, pageOptions));
  return router;
}
