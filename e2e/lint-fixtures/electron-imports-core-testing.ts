import { inProcessParallel } from '../../core/testing';

export const peers = inProcessParallel;
