// A promise nobody awaits or catches: its failure would vanish (linted with type information).
async function save(): Promise<void> {
  await Promise.resolve();
}

export function onClick(): void {
  save();
}
