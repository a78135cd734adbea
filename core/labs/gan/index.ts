// The GAN lesson lab: the adversarial game on the 2-D toy, by hand.
export * from './gan';
export * from './gan-formulas';
export * from './gan-sheet';
