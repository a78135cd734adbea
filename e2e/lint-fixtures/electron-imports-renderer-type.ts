import type { CommandDef } from '../../renderer/state/commands';

export type Command = CommandDef;
