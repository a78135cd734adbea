/** `npm run check-pack -- <package> <submission…>`: see electron/cli/check-pack.ts. */
import { runCheckPackCli } from '../electron/cli/check-pack';

await runCheckPackCli(process.argv.slice(2));
