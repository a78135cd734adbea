import { parseTrainArgs } from '../cli/cli-args';

export const args = parseTrainArgs;
