import { Command, type Option } from 'commander';
import type { CliContext } from '../context.js';

export interface CommandSchema {
  name: string;
  description: string;
  arguments: Array<{ name: string; required: boolean; variadic: boolean; description: string }>;
  options: Array<{
    flags: string;
    long: string | null;
    description: string;
    takesValue: boolean;
    required: boolean;
  }>;
  commands: CommandSchema[];
}

function optionSchema(option: Option) {
  return {
    flags: option.flags,
    long: option.long ?? null,
    description: option.description,
    takesValue: option.required || option.optional,
    required: option.mandatory,
  };
}

/** The command tree as data: what `schema` prints and what completions are made from. */
export function describeCommand(command: Command): CommandSchema {
  return {
    name: command.name(),
    description: command.description(),
    arguments: command.registeredArguments.map((arg) => ({
      name: arg.name(),
      required: arg.required,
      variadic: arg.variadic,
      description: arg.description,
    })),
    options: command.options.filter((o) => !o.hidden).map(optionSchema),
    commands: command.commands
      .filter((c) => !(c as Command & { _hidden?: boolean })._hidden)
      .map(describeCommand),
  };
}

/** `onepin schema`: the command tree as JSON, for tools and agents. */
export function schemaCommand(ctx: CliContext, root: () => Command): Command {
  return new Command('schema').description('Print the command tree as JSON').action(() => {
    ctx.io.stdout.write(`${JSON.stringify(describeCommand(root()), null, 2)}\n`);
  });
}
