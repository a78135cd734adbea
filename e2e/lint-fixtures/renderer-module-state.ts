// A module-level variable in a panel: it would survive closing the project.
let lastFolder: string | null = null;

export function remember(folder: string): void {
  lastFolder = folder;
}

export function recall(): string | null {
  return lastFolder;
}
