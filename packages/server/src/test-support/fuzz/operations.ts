/** A JSON schema, as much of one as the fuzzer reads. */
export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  pattern?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}

/** One operation of the OpenAPI document, reduced to what a fuzzer needs to aim at it. */
export interface Operation {
  method: string;
  /** `/api/v1/api-keys/{id}` */
  path: string;
  pathParams: string[];
  queryParams: Array<{ name: string; schema: Schema }>;
  /** The JSON body's fields, `$ref`s resolved. */
  bodyFields: Record<string, Schema> | null;
  requiredFields: string[];
}

interface OpenApiDocument {
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema> };
}

interface OperationObject {
  parameters?: Array<{ name: string; in: string; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/**
 * Every operation of the document, so routes added later are fuzzed without touching the
 * fuzzer. Schemas are dereferenced where the generator looks.
 */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const schemas = document.components?.schemas ?? {};
  /** `$ref`s and `allOf`s resolved, down to `depth` levels of properties and items. */
  const resolve = (schema: Schema | undefined, depth = 6): Schema => {
    let resolved = schema ?? {};
    if (resolved.$ref) resolved = schemas[resolved.$ref.replace('#/components/schemas/', '')] ?? {};
    if (resolved.allOf) {
      resolved = Object.assign({}, ...resolved.allOf.map((part) => resolve(part, depth)));
    }
    if (depth === 0) return resolved;
    return {
      ...resolved,
      ...(resolved.items && { items: resolve(resolved.items, depth - 1) }),
      ...(resolved.properties && {
        properties: Object.fromEntries(
          Object.entries(resolved.properties).map(([name, s]) => [name, resolve(s, depth - 1)]),
        ),
      }),
    };
  };
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, value] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const operation = value as OperationObject;
      const parameters = operation.parameters ?? [];
      const body = resolve(operation.requestBody?.content?.['application/json']?.schema);
      const fields = body.properties ?? null;
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: resolve(p.schema) })),
        bodyFields: fields,
        requiredFields: body.required ?? [],
      });
    }
  }
  return operations;
}
