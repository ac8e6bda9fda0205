import {
  DEFAULT_SOURCE_PORT,
  DEFAULT_TARGET_PORT,
  type GraphEdgeJson,
  type GraphNodeJson,
  type WorkflowDefinitionJson,
} from '../services/workflow-definition.js';

export const TEMPLATE_CATEGORIES = [
  'media',
  'creative',
  'business',
  'education',
  'wellness',
] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

/** A reusable workflow snapshot. Starter templates ship with the server and are read-only. */
export interface Template {
  /** 8 base62 characters, case-sensitive; fixed for starters, so every server agrees. */
  id: string;
  name: string;
  description: string;
  category: TemplateCategory;
  definition: WorkflowDefinitionJson;
  is_starter: boolean;
  is_public: boolean;
  created_at: string;
  updated_at: string;
}

const SHIPPED = '2026-11-01T00:00:00.000Z';

/** A node as authored here; `layout` gives it its position. */
interface NodeWithoutPosition {
  id: string;
  type: string;
  [field: string]: unknown;
}

/** The validators' defaults in the product: pass at 85, retry the step twice on a miss. */
const validator = (id: string, type: string, threshold = 85): NodeWithoutPosition => ({
  id,
  type,
  config: { threshold, max_retries: 2 },
});

/** An edge from `source`'s output port (a validator's `pass` or `fail`) to `target`'s input. */
function edge(source: string, target: string, sourcePort = DEFAULT_SOURCE_PORT): GraphEdgeJson {
  return {
    id: `${source}-${sourcePort}-${target}`,
    source,
    sourcePort,
    target,
    targetPort: DEFAULT_TARGET_PORT,
  };
}

/**
 * Lays the graph out left to right: a node's column is the longest path to it, not counting
 * the `fail` edges that loop back to a generator; nodes of one column stack downwards.
 */
function layout(nodes: NodeWithoutPosition[], edges: GraphEdgeJson[]): GraphNodeJson[] {
  const forward = edges.filter((e) => e.sourcePort !== 'fail');
  const column = new Map(nodes.map((node) => [node.id, 0]));
  for (let pass = 0; pass < nodes.length; pass++) {
    for (const e of forward) {
      const next = (column.get(e.source) ?? 0) + 1;
      if (next > (column.get(e.target) ?? 0)) column.set(e.target, next);
    }
  }
  const rows = new Map<number, number>();
  return nodes.map((node) => {
    const x = column.get(node.id) ?? 0;
    const y = rows.get(x) ?? 0;
    rows.set(x, y + 1);
    return { ...node, position: { x: x * 240, y: y * 140 } };
  });
}

interface StarterSource
  extends Omit<Template, 'is_starter' | 'is_public' | 'created_at' | 'updated_at' | 'definition'> {
  graph: { nodes: NodeWithoutPosition[]; edges: GraphEdgeJson[] };
}

function starter({ graph, ...template }: StarterSource): Template {
  return {
    ...template,
    definition: { graph: { nodes: layout(graph.nodes, graph.edges), edges: graph.edges } },
    is_starter: true,
    is_public: true,
    created_at: SHIPPED,
    updated_at: SHIPPED,
  };
}

/**
 * The starter gallery, in the official graph shape. Validators route a miss back to the step
 * they check (their `fail` port), which is why graphs may have cycles.
 */
export const STARTER_TEMPLATES: readonly Template[] = Object.freeze([
  starter({
    id: '2LKJN2QD',
    name: 'Podcast episode localization',
    description:
      'Translate an English episode transcript into Spanish, normalise numbers and names, voice it, and check word accuracy and naturalness before the preview.',
    category: 'media',
    graph: {
      nodes: [
        { id: 'transcript', type: 'source_script', config: { format: 'srt', language: 'en-us' } },
        { id: 'translate', type: 'operator_translator', config: { target_language: 'es-es' } },
        {
          id: 'normalize',
          type: 'operator_normalizer',
          config: { rules: ['numbers', 'abbreviations'] },
        },
        { id: 'voice', type: 'operator_generator', config: { voice: 'auto', model: 'auto' } },
        validator('accuracy', 'validator_error_rate'),
        validator('naturalness', 'validator_naturalness'),
        { id: 'preview', type: 'sink_preview' },
      ],
      edges: [
        edge('transcript', 'translate'),
        edge('translate', 'normalize'),
        edge('normalize', 'voice'),
        edge('voice', 'accuracy'),
        edge('accuracy', 'naturalness', 'pass'),
        edge('accuracy', 'voice', 'fail'),
        edge('naturalness', 'preview', 'pass'),
        edge('naturalness', 'voice', 'fail'),
      ],
    },
  }),
  starter({
    id: 'rfNSic2J',
    name: 'Audiobook chapter narration',
    description:
      'Narrate a long-form chapter with one consistent voice; a strict naturalness check retries lines that sound flat.',
    category: 'creative',
    graph: {
      nodes: [
        { id: 'chapter', type: 'source_script', config: { format: 'txt', language: 'en-gb' } },
        { id: 'normalize', type: 'operator_normalizer', config: { rules: ['numbers', 'dates'] } },
        {
          id: 'narrator',
          type: 'operator_generator',
          config: { voice: 'auto', style: 'narration', model: 'auto' },
        },
        validator('naturalness', 'validator_naturalness', 90),
        { id: 'preview', type: 'sink_preview' },
      ],
      edges: [
        edge('chapter', 'normalize'),
        edge('normalize', 'narrator'),
        edge('narrator', 'naturalness'),
        edge('naturalness', 'preview', 'pass'),
        edge('naturalness', 'narrator', 'fail'),
      ],
    },
  }),
  starter({
    id: 'q7aBDOnj',
    name: 'Phone menu prompts',
    description:
      'Turn a spreadsheet of IVR prompts into clean, accurate recordings: phone numbers and opening hours read out correctly, every word checked.',
    category: 'business',
    graph: {
      nodes: [
        { id: 'prompts', type: 'source_script', config: { format: 'csv', language: 'en-us' } },
        {
          id: 'normalize',
          type: 'operator_normalizer',
          config: { rules: ['phone_numbers', 'times', 'abbreviations'] },
        },
        { id: 'voice', type: 'operator_generator', config: { voice: 'auto', model: 'auto' } },
        validator('accuracy', 'validator_error_rate', 95),
        { id: 'preview', type: 'sink_preview' },
      ],
      edges: [
        edge('prompts', 'normalize'),
        edge('normalize', 'voice'),
        edge('voice', 'accuracy'),
        edge('accuracy', 'preview', 'pass'),
        edge('accuracy', 'voice', 'fail'),
      ],
    },
  }),
  starter({
    id: 'Pv0ECZqk',
    name: 'Course voice-over in three languages',
    description:
      'Voice one e-learning script in English, French and German side by side, each language checked for accuracy before its preview.',
    category: 'education',
    graph: {
      nodes: [
        { id: 'lesson', type: 'source_script', config: { format: 'xliff', language: 'en-us' } },
        { id: 'voice_en', type: 'operator_generator', config: { voice: 'auto', model: 'auto' } },
        { id: 'to_fr', type: 'operator_translator', config: { target_language: 'fr-fr' } },
        { id: 'voice_fr', type: 'operator_generator', config: { voice: 'auto', model: 'auto' } },
        { id: 'to_de', type: 'operator_translator', config: { target_language: 'de-de' } },
        { id: 'voice_de', type: 'operator_generator', config: { voice: 'auto', model: 'auto' } },
        validator('check_en', 'validator_error_rate'),
        validator('check_fr', 'validator_error_rate'),
        validator('check_de', 'validator_error_rate'),
        { id: 'preview_en', type: 'sink_preview' },
        { id: 'preview_fr', type: 'sink_preview' },
        { id: 'preview_de', type: 'sink_preview' },
      ],
      edges: [
        edge('lesson', 'voice_en'),
        edge('lesson', 'to_fr'),
        edge('lesson', 'to_de'),
        edge('to_fr', 'voice_fr'),
        edge('to_de', 'voice_de'),
        edge('voice_en', 'check_en'),
        edge('voice_fr', 'check_fr'),
        edge('voice_de', 'check_de'),
        edge('check_en', 'preview_en', 'pass'),
        edge('check_fr', 'preview_fr', 'pass'),
        edge('check_de', 'preview_de', 'pass'),
        edge('check_en', 'voice_en', 'fail'),
        edge('check_fr', 'voice_fr', 'fail'),
        edge('check_de', 'voice_de', 'fail'),
      ],
    },
  }),
  starter({
    id: 'vLG7biQp',
    name: 'Guided meditation',
    description:
      'A slow, calm reading of a meditation script, with pauses kept and a high bar for naturalness and clean audio.',
    category: 'wellness',
    graph: {
      nodes: [
        { id: 'script', type: 'source_script', config: { format: 'txt', language: 'en-us' } },
        {
          id: 'voice',
          type: 'operator_generator',
          config: { voice: 'auto', style: 'calm', speaking_rate: 0.85, model: 'auto' },
        },
        validator('naturalness', 'validator_naturalness', 92),
        validator('noise', 'validator_noise', 90),
        { id: 'preview', type: 'sink_preview' },
      ],
      edges: [
        edge('script', 'voice'),
        edge('voice', 'naturalness'),
        edge('naturalness', 'noise', 'pass'),
        edge('naturalness', 'voice', 'fail'),
        edge('noise', 'preview', 'pass'),
        edge('noise', 'voice', 'fail'),
      ],
    },
  }),
]);
