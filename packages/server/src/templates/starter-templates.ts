import type { WorkflowDefinitionJson } from '../services/workflow-definition.js';

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

/** The validators' defaults in the product: pass at 85, retry the step twice on a miss. */
const validator = (id: string, type: string, threshold = 85) => ({
  id,
  type,
  config: { threshold, max_retries: 2 },
});

function starter(
  template: Omit<Template, 'is_starter' | 'is_public' | 'created_at' | 'updated_at'>,
): Template {
  return {
    ...template,
    is_starter: true,
    is_public: true,
    created_at: SHIPPED,
    updated_at: SHIPPED,
  };
}

/**
 * The starter gallery. Validators route a miss back to the step they check (`port: 'fail'`),
 * which is why graphs may have cycles.
 */
export const STARTER_TEMPLATES: readonly Template[] = Object.freeze([
  starter({
    id: '2LKJN2QD',
    name: 'Podcast episode localization',
    description:
      'Translate an English episode transcript into Spanish, normalise numbers and names, voice it, and check word accuracy and naturalness before the preview.',
    category: 'media',
    definition: {
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
          { from: 'transcript', to: 'translate' },
          { from: 'translate', to: 'normalize' },
          { from: 'normalize', to: 'voice' },
          { from: 'voice', to: 'accuracy' },
          { from: 'accuracy', to: 'naturalness', port: 'pass' },
          { from: 'accuracy', to: 'voice', port: 'fail' },
          { from: 'naturalness', to: 'preview', port: 'pass' },
          { from: 'naturalness', to: 'voice', port: 'fail' },
        ],
      },
    },
  }),
  starter({
    id: 'rfNSic2J',
    name: 'Audiobook chapter narration',
    description:
      'Narrate a long-form chapter with one consistent voice; a strict naturalness check retries lines that sound flat.',
    category: 'creative',
    definition: {
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
          { from: 'chapter', to: 'normalize' },
          { from: 'normalize', to: 'narrator' },
          { from: 'narrator', to: 'naturalness' },
          { from: 'naturalness', to: 'preview', port: 'pass' },
          { from: 'naturalness', to: 'narrator', port: 'fail' },
        ],
      },
    },
  }),
  starter({
    id: 'q7aBDOnj',
    name: 'Phone menu prompts',
    description:
      'Turn a spreadsheet of IVR prompts into clean, accurate recordings: phone numbers and opening hours read out correctly, every word checked.',
    category: 'business',
    definition: {
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
          { from: 'prompts', to: 'normalize' },
          { from: 'normalize', to: 'voice' },
          { from: 'voice', to: 'accuracy' },
          { from: 'accuracy', to: 'preview', port: 'pass' },
          { from: 'accuracy', to: 'voice', port: 'fail' },
        ],
      },
    },
  }),
  starter({
    id: 'Pv0ECZqk',
    name: 'Course voice-over in three languages',
    description:
      'Voice one e-learning script in English, French and German side by side, each language checked for accuracy before its preview.',
    category: 'education',
    definition: {
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
          { from: 'lesson', to: 'voice_en' },
          { from: 'lesson', to: 'to_fr' },
          { from: 'lesson', to: 'to_de' },
          { from: 'to_fr', to: 'voice_fr' },
          { from: 'to_de', to: 'voice_de' },
          { from: 'voice_en', to: 'check_en' },
          { from: 'voice_fr', to: 'check_fr' },
          { from: 'voice_de', to: 'check_de' },
          { from: 'check_en', to: 'preview_en', port: 'pass' },
          { from: 'check_fr', to: 'preview_fr', port: 'pass' },
          { from: 'check_de', to: 'preview_de', port: 'pass' },
          { from: 'check_en', to: 'voice_en', port: 'fail' },
          { from: 'check_fr', to: 'voice_fr', port: 'fail' },
          { from: 'check_de', to: 'voice_de', port: 'fail' },
        ],
      },
    },
  }),
  starter({
    id: 'vLG7biQp',
    name: 'Guided meditation',
    description:
      'A slow, calm reading of a meditation script, with pauses kept and a high bar for naturalness and clean audio.',
    category: 'wellness',
    definition: {
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
          { from: 'script', to: 'voice' },
          { from: 'voice', to: 'naturalness' },
          { from: 'naturalness', to: 'noise', port: 'pass' },
          { from: 'naturalness', to: 'voice', port: 'fail' },
          { from: 'noise', to: 'preview', port: 'pass' },
          { from: 'noise', to: 'voice', port: 'fail' },
        ],
      },
    },
  }),
]);
