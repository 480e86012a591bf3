export * from './decayMath';
