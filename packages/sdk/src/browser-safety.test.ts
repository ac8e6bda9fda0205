import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The main entry must run in browsers: no module reachable from src/index.ts through static
// imports may import a Node built-in (or any third-party package), and Node globals stay out.
// The only Node-specific code is loaded with dynamic import() when a caller uploads a path.

const sdkSrc = dirname(fileURLToPath(import.meta.url));
const coreSrc = resolve(sdkSrc, '../../core/src');
const WORKSPACE_PACKAGES: Record<string, string> = { '@onepin/core': join(coreSrc, 'index.ts') };
const NODE_BUILTINS = new Set(builtinModules);
const NODE_GLOBALS = new Set(['Buffer', 'process', 'require', '__dirname', '__filename', 'global']);

interface Graph {
  files: string[];
  forbidden: string[];
  dynamic: string[];
}

function walk(entry: string): Graph {
  const graph: Graph = { files: [], forbidden: [], dynamic: [] };
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    graph.files.push(file);
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.ES2022,
      true,
    );
    const where = (node: ts.Node) =>
      `${relative(sdkSrc, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const follow = (specifier: string, node: ts.Node) => {
      if (specifier.startsWith('.'))
        visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else if (WORKSPACE_PACKAGES[specifier]) visit(WORKSPACE_PACKAGES[specifier]);
      else graph.forbidden.push(`${where(node)} imports ${specifier}`);
    };
    const inspect = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
        follow((node.moduleSpecifier as ts.StringLiteral).text, node);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
        follow((node.moduleSpecifier as ts.StringLiteral).text, node);
      } else if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword
      ) {
        const [argument] = node.arguments;
        graph.dynamic.push(
          `${relative(sdkSrc, file)} → ${argument && ts.isStringLiteral(argument) ? argument.text : '?'}`,
        );
      } else if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text) && isValueUse(node)) {
        graph.forbidden.push(`${where(node)} uses the Node global ${node.text}`);
      }
      if (!ts.isTypeNode(node)) ts.forEachChild(node, inspect);
    };
    inspect(source);
  };
  visit(entry);
  return graph;
}

/** An identifier read as a value (not a property name, a type, or a declaration's name). */
function isValueUse(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodDeclaration(parent)) &&
    parent.name === node
  )
    return false;
  if (ts.isParameter(parent) || ts.isVariableDeclaration(parent)) return parent.name !== node;
  return true;
}

describe('browser safety of @onepin/sdk', () => {
  const graph = walk(join(sdkSrc, 'index.ts'));

  it('reaches no Node built-in, no third-party package and no Node global statically', () => {
    expect(graph.files.length).toBeGreaterThan(10);
    expect(graph.forbidden).toEqual([]);
  });

  it('loads node:fs only lazily, for uploads from a path or a file stream', () => {
    expect(graph.dynamic.sort()).toEqual([
      'internal/upload-source.ts → node:fs',
      'internal/upload-source.ts → node:fs/promises',
    ]);
    for (const specifier of graph.dynamic.map((line) => line.split(' → ')[1] ?? '')) {
      expect(NODE_BUILTINS.has(specifier.replace(/^node:/, ''))).toBe(true);
    }
  });

  it('does not reach the credentials module, which is Node-only', () => {
    expect(graph.files.some((file) => file.includes(`${join('src', 'credentials')}`))).toBe(false);
  });

  it('keeps @onepin/sdk/format (the CLI and dashboard share it) free of Node too', () => {
    const format = walk(join(sdkSrc, 'format', 'index.ts'));
    expect(format.forbidden).toEqual([]);
    expect(format.dynamic).toEqual([]);
  });

  it('the scan itself notices a Node import', () => {
    const credentials = walk(join(sdkSrc, 'credentials', 'index.ts'));
    expect(credentials.forbidden.some((line) => line.endsWith('imports node:os'))).toBe(true);
  });
});
