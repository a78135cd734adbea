import { describe, expect, it } from 'vitest';

import { commandSpecs } from '@core';
import { commands, getCommand } from './commands';
import { parseShortcut } from './shortcuts';

describe('command registry', () => {
  it("holds exactly the contract's command list, in its order", () => {
    expect(commands.map((c) => c.id)).toEqual(commandSpecs.map((s) => s.id));
  });

  it("takes each command's group, label key, shortcuts and visibility from the contract", () => {
    for (const spec of commandSpecs) {
      const command = getCommand(spec.id);
      expect(command, spec.id).toBeDefined();
      expect(command?.group, spec.id).toBe(spec.group);
      expect(command?.labelKey, spec.id).toBe(spec.labelKey);
      expect(command?.shortcuts, spec.id).toEqual(spec.shortcuts.map(parseShortcut));
      expect(command?.hidden === true, spec.id).toBe('hidden' in spec && spec.hidden);
    }
  });

  it('binds no shortcut to two commands', () => {
    const keys = commands.flatMap((c) => c.shortcuts.map((s) => JSON.stringify(s)));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
