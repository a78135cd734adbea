import { GAN_EXAMPLE, ganLabStateOf, type GanLabState } from '@core';

/** The GAN lab as it first opens: core's example values (not from the course deck), forward stage. */
export const defaultGanState: GanLabState = ganLabStateOf(GAN_EXAMPLE, 4, 0);

/**
 * Where a point added to the batch starts: real points from further modes of the ring of
 * Gaussians of radius 2, noise numbers spread over [−1, 1].
 */
export const extraReal: readonly (readonly [number, number])[] = [
  [-1.9, 0.3],
  [0.2, -2],
];
export const extraNoise: readonly number[] = [1, -0.5];
