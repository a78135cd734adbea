import { planDataset } from '../../core/data/plan';

export const plan = planDataset;
