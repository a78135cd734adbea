import { mkdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

import type { ChooserPurpose } from '../../../core/contract/host';
import { HostFailure } from './host-error';
import { newOpaqueId } from './opaque-id';
import { isPortableName } from './portable-name';
import { isInside } from './safe-path';

/** Folders the chooser listed that a pick or a new folder may name (most recent kept). */
const maxBrowsed = 256;
/** Picks waiting for the call that uses them (one chooser is open at a time; a few spare). */
const maxPending = 16;
/** A pick is used at once; one left unused this long is forgotten. */
const pickLifetimeMs = 10 * 60_000;

/** The extensions the chooser offers for opening a project (FileChooserDialog's filter). */
const projectFile = /\.(layerlab|json)$/i;
/** File → Open: a project, a lab package or a submission. */
const documentFile = /\.(layerlab|layerlab-pack|layerlab-submission|json)$/i;

interface Pick {
  readonly purpose: ChooserPurpose;
  readonly path: string;
  readonly expiresAt: number;
}

/**
 * Browser mode's in-app chooser, as the server records it. The page cannot
 * name a path for a host call: the user's pick is checked and stored here
 * (`pick`, answering an opaque choice id), and a call such as `openProject`
 * carries only that id, which is good for one use and one purpose.
 *
 * A pick must be something the chooser showed: an entry of a folder the
 * server listed in this session (`noteBrowsed`), or that folder itself; never
 * a hidden entry (the listing leaves them out), never inside the app's own
 * profile folder (it holds the browser-mode credential), and for opening a
 * project only a `.layerlab`/`.json` regular file (File → Open also a
 * `.layerlab-pack` or `.layerlab-submission`). So `/etc/passwd` cannot be
 * opened even by a caller holding the credential.
 */
export class ChooserChoices {
  private readonly browsed = new Set<string>();
  private readonly pending = new Map<string, Pick>();
  private profileReal: string | null = null;

  constructor(
    private readonly profileDir: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Called with the real path of every folder `browse` listed. */
  noteBrowsed(realFolder: string): void {
    this.browsed.delete(realFolder);
    this.browsed.add(realFolder);
    if (this.browsed.size > maxBrowsed) {
      const oldest = this.browsed.values().next().value;
      if (oldest !== undefined) this.browsed.delete(oldest);
    }
  }

  /** Checks the user's pick and records it; answers the id a host call then carries. */
  async pick(purpose: ChooserPurpose, chosen: string): Promise<string> {
    const given = absolute(chosen);
    const real =
      purpose === 'save-project'
        ? await this.checkSaveTarget(given)
        : purpose === 'open-project'
          ? await this.checkOpenFile(given, projectFile)
          : purpose === 'open-document'
            ? await this.checkOpenFile(given, documentFile)
            : await this.checkFolder(given);
    this.forgetExpired();
    if (this.pending.size >= maxPending) {
      const oldest = this.pending.keys().next().value;
      if (oldest !== undefined) this.pending.delete(oldest);
    }
    const choiceId = newOpaqueId();
    this.pending.set(choiceId, { purpose, path: real, expiresAt: this.now() + pickLifetimeMs });
    return choiceId;
  }

  /** The path behind a pick, once; refused for an unknown, used, expired or other-purpose id. */
  take(choiceId: string, purpose: ChooserPurpose): string {
    this.forgetExpired();
    const entry = this.pending.get(choiceId);
    if (entry === undefined || entry.purpose !== purpose)
      throw refused('this choice was not made in the chooser, or was already used');
    this.pending.delete(choiceId);
    return entry.path;
  }

  /** Creates the folder `name` inside a folder the chooser is showing; answers its path. */
  async createFolder(parent: string, name: string): Promise<string> {
    const folder = await this.browsedFolder(absolute(parent));
    if (!isPortableName(name) || name.startsWith('.') || name.trim() !== name)
      throw new HostFailure(
        'invalid-argument',
        'A folder name may not start with a dot or a space, end with a dot or space, or hold any of < > : " / \\ | ? * (nor be a reserved name such as CON).',
        name.slice(0, 200),
      );
    const created = path.join(folder, name);
    await mkdir(created); // not recursive: an existing name is `already-exists`
    return created;
  }

  private async checkOpenFile(given: string, allowed: RegExp): Promise<string> {
    await this.browsedFolder(path.dirname(given));
    assertListedName(path.basename(given));
    const real = await realpath(given);
    await this.assertOutsideProfile(real);
    if (!allowed.test(real) || !(await stat(real)).isFile())
      throw refused(
        allowed === projectFile
          ? 'only a .layerlab (or .json) project file can be opened'
          : 'only a LayerLab project, lab package or submission can be opened',
      );
    return real;
  }

  private async checkSaveTarget(given: string): Promise<string> {
    const folder = await this.browsedFolder(path.dirname(given));
    const name = path.basename(given);
    assertListedName(name);
    if (!isPortableName(name))
      throw new HostFailure('invalid-argument', 'This file name is not allowed.', name);
    return path.join(folder, name);
  }

  private async checkFolder(given: string): Promise<string> {
    const real = await realpath(given);
    if (!this.browsed.has(real)) {
      await this.browsedFolder(path.dirname(given));
      assertListedName(path.basename(given));
    }
    await this.assertOutsideProfile(real);
    if (!(await stat(real)).isDirectory()) throw refused('a folder is needed here');
    return real;
  }

  /** The real path of `folder` when the chooser listed it this session and it is not the profile. */
  private async browsedFolder(folder: string): Promise<string> {
    const real = await realpath(folder).catch(() => null);
    if (real === null || !this.browsed.has(real))
      throw refused('the chooser did not show this folder');
    await this.assertOutsideProfile(real);
    return real;
  }

  private async assertOutsideProfile(real: string): Promise<void> {
    this.profileReal ??= await realpath(this.profileDir).catch(() => path.resolve(this.profileDir));
    if (isInside(this.profileReal, real))
      throw refused("LayerLab's own profile folder cannot be chosen");
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [id, entry] of this.pending) if (entry.expiresAt <= now) this.pending.delete(id);
  }
}

function absolute(chosen: string): string {
  if (!path.isAbsolute(chosen) || chosen.includes('\0'))
    throw new HostFailure(
      'invalid-argument',
      'The chosen path must be absolute.',
      chosen.slice(0, 200),
    );
  return path.normalize(chosen);
}

/** The chooser lists no hidden entries, so a pick can never name one. */
function assertListedName(name: string): void {
  if (name === '' || name.startsWith('.')) throw refused('hidden entries are not offered');
}

function refused(why: string): HostFailure {
  return new HostFailure(
    'outside-grant',
    `Refused: ${why}. Only what you pick in LayerLab's chooser can be used.`,
  );
}
