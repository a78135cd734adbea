// Public surface of core/labs (re-exported by core/index.ts).
export * from './activations';
export * from './expression';
export * from './gradient-descent';
export * from './dense-net';
export * from './backprop';
export * from './backprop-formulas';
export * from './answer-key';
export * from './format';
export * from './convolution';
export * from './convolution-presets';
export * from './sample-images';
export * from './lab-file';
export * from './graph-to-net';
export * from './rnn';
export * from './rnn-formulas';
export * from './rnn-answer-key';
