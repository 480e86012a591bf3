// The built-in image task for convolutional specs: every class is a pattern (an oriented bar, a
// blob at a place, or stripes of a frequency) drawn at a random place, strength and colour over a
// random background, with pixel noise and a fraction of labels replaced at random. The cues are
// spatial, so a convolution finds them where a flattened MLP struggles; the training set is small,
// so a network without decay memorises the noise. Deterministic from the seed (docs/sweeps.md).
import type { Dataset } from './dataset';
import { Random } from './random';

export interface ImageTaskShape {
  height: number;
  width: number;
  channels: number;
  classes: number;
}

export interface ImageTaskOptions {
  trainSamples: number;
  validationSamples: number;
  /** Standard deviation of the Gaussian noise added to every pixel value. */
  noise: number;
  /** Fraction of labels replaced by a class drawn uniformly (the drawn class may be the true one). */
  labelNoise: number;
}

/** The three pattern families; class k draws family k mod 3 with parameter index floor(k / 3). */
export const PATTERN_FAMILIES = ['bar', 'blob', 'stripes'] as const;

/** Classes of family `family` among `classes`: how many k < classes have k mod 3 = family. */
function familySize(classes: number, family: number): number {
  return Math.floor((classes - 1 - family) / 3) + 1;
}

/**
 * The pattern of class `label` at pixel (u, v), coordinates in [-0.5, 0.5) across the image.
 * `draw` holds this image's random placement, drawn once per image.
 */
interface Draw {
  family: number;
  /** Bar: orientation; blob: angle of its place on the ring; stripes: orientation. */
  angle: number;
  /** Bar and blob: centre offset; stripes: phase (in centreU). */
  centreU: number;
  centreV: number;
  /** Stripes: cycles across the image. */
  frequency: number;
}

function drawPattern(random: Random, label: number, classes: number, side: number): Draw {
  const family = label % 3;
  const index = Math.floor(label / 3);
  const members = familySize(classes, family);
  if (family === 0) {
    // Orientations spread over half a turn, jittered by up to a quarter of their spacing.
    const spacing = Math.PI / members;
    return { family, angle: index * spacing + random.uniform(-spacing / 4, spacing / 4), centreU: random.uniform(-0.15, 0.15), centreV: random.uniform(-0.15, 0.15), frequency: 0 };
  }
  if (family === 1) {
    // Places on a ring of radius 0.25 around the centre, jittered along it and off it.
    const spacing = (2 * Math.PI) / members;
    const angle = index * spacing + random.uniform(-spacing / 6, spacing / 6);
    const radius = 0.25 + random.uniform(-0.04, 0.04);
    return { family, angle, centreU: radius * Math.cos(angle), centreV: radius * Math.sin(angle), frequency: 0 };
  }
  // Stripe frequencies from 1.5 cycles per image up to a period of 3 pixels (below Nyquist's 2).
  const lowest = 1.5;
  const highest = Math.max(lowest + 0.5, side / 3);
  const frequency = members === 1 ? (lowest + highest) / 2 : lowest + ((highest - lowest) * index) / (members - 1);
  return { family, angle: random.uniform(0, Math.PI), centreU: random.uniform(0, 2 * Math.PI), centreV: 0, frequency: frequency * random.uniform(0.95, 1.05) };
}

/** The pattern's strength at (u, v), in [0, 1]. */
function patternAt(draw: Draw, u: number, v: number): number {
  const cos = Math.cos(draw.angle);
  const sin = Math.sin(draw.angle);
  if (draw.family === 0) {
    // A segment through the centre: Gaussian across (half-width 0.07), fading past a length of 0.6.
    const du = u - draw.centreU;
    const dv = v - draw.centreV;
    const along = du * cos + dv * sin;
    const across = -du * sin + dv * cos;
    const cap = Math.max(0, Math.abs(along) - 0.3);
    return Math.exp(-(across * across + cap * cap) / (2 * 0.07 * 0.07));
  }
  if (draw.family === 1) {
    const du = u - draw.centreU;
    const dv = v - draw.centreV;
    return Math.exp(-(du * du + dv * dv) / (2 * 0.1 * 0.1));
  }
  return 0.5 + 0.5 * Math.cos(2 * Math.PI * draw.frequency * (u * cos + v * sin) + draw.centreU);
}

/** Images [N, H, W, C] (rows in NHWC order) and one-hot labels; see the file comment. */
export function syntheticImageTask(shape: ImageTaskShape, options: ImageTaskOptions, seed: number): Dataset {
  const { height, width, channels, classes } = shape;
  const random = new Random(seed ^ 0x1a6e5);
  const pixels = height * width * channels;
  const side = Math.min(height, width);
  const sample = (count: number) => {
    const x = new Float32Array(count * pixels);
    const y = new Float32Array(count * classes);
    const colour = new Float64Array(channels);
    for (let n = 0; n < count; n++) {
      const label = random.integer(classes);
      const draw = drawPattern(random, label, classes, side);
      // Strength, colour and background carry nothing of the class.
      const strength = random.uniform(0.6, 1);
      for (let c = 0; c < channels; c++) colour[c] = random.uniform(0.5, 1);
      const background = random.uniform(0, 0.2);
      for (let row = 0; row < height; row++) {
        const v = (row + 0.5) / height - 0.5;
        for (let column = 0; column < width; column++) {
          const u = (column + 0.5) / width - 0.5;
          const value = strength * patternAt(draw, u, v);
          const base = n * pixels + (row * width + column) * channels;
          for (let c = 0; c < channels; c++) x[base + c] = background + value * colour[c] + options.noise * random.normal();
        }
      }
      // Both draws are made whatever the noise levels, so other levels give the same images and classes.
      const replacement = random.integer(classes);
      const shown = random.next() < options.labelNoise ? replacement : label;
      y[n * classes + shown] = 1;
    }
    return { x, y };
  };
  const train = sample(options.trainSamples);
  const validation = sample(options.validationSamples);
  return {
    task: 'classification',
    inputs: pixels,
    outputs: classes,
    trainX: train.x,
    trainY: train.y,
    validationX: validation.x,
    validationY: validation.y,
    trainCount: options.trainSamples,
    validationCount: options.validationSamples,
  };
}
