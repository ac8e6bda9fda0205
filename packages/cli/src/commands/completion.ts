import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { offlineScopeNames } from '../scopes/catalogue.js';
import { type CommandSchema, describeCommand } from './schema.js';

interface Node {
  path: string;
  words: string[];
}

/** Every command path (e.g. "keys create") with the words that may follow it. */
function flatten(schema: CommandSchema, prefix = ''): Node[] {
  const words = [
    ...schema.commands.map((c) => c.name),
    ...schema.options.flatMap((o) => o.flags.split(/[ ,|]+/).filter((f) => f.startsWith('-'))),
  ];
  return [
    { path: prefix, words },
    ...schema.commands.flatMap((c) => flatten(c, prefix ? `${prefix} ${c.name}` : c.name)),
  ];
}

function valueOptions(schema: CommandSchema): string[] {
  const own = schema.options
    .filter((o) => o.takesValue)
    .flatMap((o) => o.flags.split(/[ ,|]+/).filter((f) => f.startsWith('-')));
  return [...new Set([...own, ...schema.commands.flatMap(valueOptions)])];
}

/**
 * The values `--scopes` completes to: the built-in scopes and those cached from the servers
 * the CLI has asked (`onepin scopes list`, `keys create/update --scopes`). A shell cannot wait
 * for the network at each tab, so the script carries them; a new shell (the script is
 * evaluated at start) picks up what was cached since.
 */
function scopeWords(): string {
  return offlineScopeNames().join(' ');
}

function bash(schema: CommandSchema): string {
  const cases = flatten(schema)
    .map((node) => `    "${node.path}") words="${node.words.join(' ')}" ;;`)
    .join('\n');
  return `# onepin completion for bash: add to ~/.bashrc:  eval "$(onepin completion bash)"
_onepin() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" skip=0 word words i
  # --scopes a,b: scope names hold ':', where bash splits words, so read the line itself.
  local line="\${COMP_LINE:0:COMP_POINT}"
  local -a typed=($line)
  [[ "$line" == *" " ]] && typed+=("")
  if ((\${#typed[@]} >= 2)) && [[ "\${typed[\${#typed[@]}-2]}" == "--scopes" ]]; then
    local value="\${typed[\${#typed[@]}-1]}" done=""
    [[ "$value" == *,* ]] && done="\${value%,*},"
    COMPREPLY=($(compgen -P "$done" -W "${scopeWords()}" -- "\${value##*,}"))
    local lead="\${value%"$cur"}"
    [[ -n "$lead" ]] && COMPREPLY=("\${COMPREPLY[@]#"$lead"}")
    return
  fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if ((skip)); then skip=0; continue; fi
    case "$word" in
      ${valueOptions(schema).join('|') || '--never'}) skip=1; continue ;;
      -*) continue ;;
    esac
    path="\${path:+$path }$word"
  done
  case "$path" in
${cases}
    *) words="" ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _onepin onepin
`;
}

function zsh(schema: CommandSchema): string {
  return `# onepin completion for zsh: add to ~/.zshrc:  eval "$(onepin completion zsh)"
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
${bash(schema).split('\n').slice(1).join('\n')}`;
}

function fish(schema: CommandSchema): string {
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const lines = [
    '# onepin completion for fish: onepin completion fish > ~/.config/fish/completions/onepin.fish',
    'complete -c onepin -f',
  ];
  const visit = (node: CommandSchema, parents: string[]) => {
    const condition =
      parents.length === 0
        ? '__fish_use_subcommand'
        : `__fish_seen_subcommand_from ${parents.at(-1)}`;
    for (const child of node.commands) {
      lines.push(
        `complete -c onepin -n ${quote(condition)} -a ${quote(child.name)} -d ${quote(child.description)}`,
      );
      visit(child, [...parents, child.name]);
    }
    for (const option of node.options) {
      if (!option.long) continue;
      const flag = `-l ${option.long.replace(/^--/, '')}`;
      const cond = parents.length === 0 ? '' : ` -n ${quote(condition)}`;
      const values = option.long === '--scopes' ? ` -a ${quote(scopeWords())}` : '';
      lines.push(
        `complete -c onepin${cond} ${flag}${option.takesValue ? ' -r' : ''}${values} -d ${quote(option.description)}`,
      );
    }
  };
  visit(schema, []);
  return `${lines.join('\n')}\n`;
}

const SHELLS = { bash, zsh, fish } as const;

/** `onepin completion bash|zsh|fish`: a completion script for the shell, on stdout. */
export function completionCommand(ctx: CliContext, root: () => Command): Command {
  return new Command('completion')
    .description('Print a shell completion script (bash, zsh or fish)')
    .argument('<shell>', 'bash, zsh or fish')
    .action((shell: string) => {
      const render = SHELLS[shell as keyof typeof SHELLS];
      if (!render) throw new UsageError(`unknown shell "${shell}": use bash, zsh or fish`);
      ctx.io.stdout.write(render(describeCommand(root())));
    });
}
