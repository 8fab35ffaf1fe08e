import type { TestStack } from './stack.js';

/** The part of a JSON schema the hostile tests read. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  minimum?: number;
}

export interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: JsonSchema }[];
  /** The JSON body's schema, if it takes one. */
  body: JsonSchema | undefined;
  /** A file body (a document upload) instead of JSON. */
  takesFile: boolean;
  /** Whether it needs no token (`security: []`). */
  isPublic: boolean;
}

/** Every operation of the API's own OpenAPI document, as served. */
export async function operations(stack: TestStack): Promise<Operation[]> {
  const document = (await stack.request(undefined, 'GET', '/v1/openapi.json')).body;
  return Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content?.['application/json']?.schema,
      takesFile: operation.requestBody?.content?.['application/pdf'] !== undefined,
      isPublic: Array.isArray(operation.security) && operation.security.length === 0,
    })),
  );
}

export const parametersIn = (operation: Operation, where: 'path' | 'query' | 'header') => operation.parameters.filter((p) => p.in === where).map((p) => p.name);
