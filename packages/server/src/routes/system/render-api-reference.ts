/** Renders an OpenAPI 3.1 document as one self-contained HTML page (no scripts, no CDN). */

type Json = Record<string, unknown>;

const escapeHtml = (text: unknown): string =>
  String(text ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * Descriptions are written in Markdown (CommonMark, as OpenAPI says); the reference renders
 * the inline code and emphasis they use, after escaping, so nothing else can become HTML.
 */
export const prose = (text: unknown): string =>
  escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');

/** A table that scrolls inside its own box on a narrow screen instead of widening the page. */
const scrolling = (table: string): string => `<div class="scroll">${table}</div>`;

function resolve(document: Json, schema: unknown): Json {
  const ref = (schema as Json | undefined)?.$ref;
  if (typeof ref === 'string') {
    const name = ref.split('/').pop() ?? '';
    const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Json;
    return (schemas[name] ?? {}) as Json;
  }
  return (schema ?? {}) as Json;
}

function typeOf(document: Json, schema: unknown): string {
  const ref = (schema as Json | undefined)?.$ref;
  if (typeof ref === 'string') return ref.split('/').pop() ?? 'object';
  const s = (schema ?? {}) as Json;
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (Array.isArray(s.anyOf)) return s.anyOf.map((x) => typeOf(document, x)).join(' | ');
  if (s.type === 'array') return `${typeOf(document, s.items)}[]`;
  const type = Array.isArray(s.type) ? s.type.join(' | ') : String(s.type ?? 'object');
  return s.format ? `${type} (${s.format})` : type;
}

function constraints(schema: Json): string {
  const parts: string[] = [];
  for (const [key, label] of [
    ['minLength', 'min length'],
    ['maxLength', 'max length'],
    ['minimum', 'min'],
    ['maximum', 'max'],
    ['default', 'default'],
  ] as const) {
    if (schema[key] !== undefined) parts.push(`${label} ${JSON.stringify(schema[key])}`);
  }
  return parts.join(', ');
}

function propertiesTable(document: Json, schema: unknown): string {
  const resolved = resolve(document, schema);
  const properties = (resolved.properties ?? {}) as Json;
  const required = new Set((resolved.required as string[] | undefined) ?? []);
  const rows = Object.entries(properties).map(([name, property]) => {
    const p = resolve(document, property);
    return `<tr><td><code>${escapeHtml(name)}</code>${required.has(name) ? ' <span class="req">required</span>' : ''}</td><td><code>${escapeHtml(typeOf(document, property))}</code></td><td>${prose(p.description ?? '')} ${escapeHtml(constraints(p))}</td></tr>`;
  });
  if (rows.length === 0) return '';
  return scrolling(
    `<table><thead><tr><th>field</th><th>type</th><th>notes</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
  );
}

function operationHtml(document: Json, method: string, path: string, op: Json): string {
  const scope = op['x-required-scope'];
  const params = ((op.parameters as Json[] | undefined) ?? []).map(
    (p) =>
      `<tr><td><code>${escapeHtml(p.name)}</code> <small>${escapeHtml(p.in)}</small>${p.required ? ' <span class="req">required</span>' : ''}</td><td><code>${escapeHtml(typeOf(document, p.schema))}</code></td><td>${prose((p.schema as Json | undefined)?.description ?? p.description ?? '')} ${escapeHtml(constraints(resolve(document, p.schema)))}</td></tr>`,
  );
  const body = ((op.requestBody as Json | undefined)?.content as Json | undefined)?.[
    'application/json'
  ] as Json | undefined;
  const responses = Object.entries((op.responses ?? {}) as Json)
    .map(
      ([status, r]) =>
        `<li><code>${escapeHtml(status)}</code> ${prose((r as Json).description)}</li>`,
    )
    .join('');
  const id = `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-');
  return `<section class="op" id="${escapeHtml(id)}">
<h3><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h3>
<p>${prose(op.summary)}</p>${op.description ? `<p class="desc">${prose(op.description)}</p>` : ''}
<p class="scope">${scope ? `Requires scope <code>${escapeHtml(scope)}</code>` : op.security ? 'Any valid credential' : 'No authentication'}</p>
${params.length ? `<h4>Parameters</h4>${scrolling(`<table><tbody>${params.join('')}</tbody></table>`)}` : ''}
${body ? `<h4>Body <code>${escapeHtml(typeOf(document, body.schema))}</code></h4>${propertiesTable(document, body.schema)}` : ''}
<h4>Responses</h4><ul>${responses}</ul></section>`;
}

export function renderApiReference(document: Json): string {
  const info = (document.info ?? {}) as Json;
  const sections: string[] = [];
  const toc: string[] = [];
  for (const [path, item] of Object.entries((document.paths ?? {}) as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      const id = `${method}-${path}`.replace(/[^a-zA-Z0-9]+/g, '-');
      toc.push(
        `<li><a href="#${escapeHtml(id)}"><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> ${escapeHtml(path)}</a></li>`,
      );
      sections.push(operationHtml(document, method, path, op as Json));
    }
  }
  const schemas = Object.entries(((document.components as Json | undefined)?.schemas ?? {}) as Json)
    .map(
      ([name, schema]) =>
        `<section id="schema-${escapeHtml(name)}"><h3>${escapeHtml(name)}</h3>${propertiesTable(document, schema) || `<p><code>${escapeHtml(typeOf(document, schema))}</code></p>`}</section>`,
    )
    .join('');
  // On a phone the endpoint list folds into a <details> above the content (no script needed);
  // tables scroll in their own box and long paths break, so the page never scrolls sideways.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(info.title)} reference</title><link rel="icon" href="/favicon.ico"><style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;display:grid;grid-template-columns:300px minmax(0,1fr);color:#1b1f24}
nav{position:sticky;top:0;height:100vh;overflow:auto;background:#f6f8fa;padding:1rem;font-size:13px}
nav ul{list-style:none;padding:0}nav a{color:inherit;text-decoration:none}main{padding:1rem 2rem;max-width:960px;min-width:0}
nav summary{cursor:pointer;font-weight:600}
.op{border-top:1px solid #d0d7de;padding:1rem 0}.method{font:bold 12px monospace;padding:2px 6px;border-radius:4px;background:#ddf4ff}
.method.post{background:#dafbe1}.method.delete{background:#ffebe9}.method.patch,.method.put{background:#fff8c5}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:14px}td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
h3 code,p code,li code{overflow-wrap:anywhere}
.req{color:#cf222e;font-size:12px}.scope{color:#57606a}code{font-size:13px}
@media (max-width:800px){body{display:block}nav{position:static;height:auto;max-height:45vh}main{padding:1rem}}
</style></head><body><nav><strong>${escapeHtml(info.title)} ${escapeHtml(info.version)}</strong><p><a href="/openapi.json">openapi.json</a></p><details open><summary>Endpoints</summary><ul>${toc.join('')}</ul></details></nav>
<main><h1>${escapeHtml(info.title)}</h1><p>${prose(info.description)}</p>
<p>Every response is an envelope: <code>{"data": …, "meta": {"request_id", "timestamp"}}</code>, or <code>{"error": {"code", "message", "details"}, "meta": …}</code>.</p>
${sections.join('')}<h2>Schemas</h2>${schemas}</main></body></html>`;
}
