// Idiom seen in: generic-github-user/Neural-Turing-Machine src/settings.js
// What it reproduces: the shared settings module (memory dimensions) the model and the training script read.
export const dimensions = 4;
export const memoryShape = new Array(dimensions).fill(2);
export const l2Strength = 1e-3;
