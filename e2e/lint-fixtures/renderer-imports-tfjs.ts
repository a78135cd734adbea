import * as tf from '@tensorflow/tfjs';

export const tensor = tf.tensor;
