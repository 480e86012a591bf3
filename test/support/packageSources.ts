// The repository's sources as the tests that build, pack or install it use them: copied to a
// scratch folder, so the build there does not rewrite the dist/ the other suites are reading.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './cli';

/** What the build needs: the sources, the build scripts, the docs the package ships. */
const SOURCES = ['package.json', 'package-lock.json', '.npmrc', 'esbuild.mjs', 'tsconfig.json', 'README.md', 'client', 'server', 'runtime', 'scripts', 'docs'];

/** Copies the sources (and `extra` entries of the repository root) into `folder`. */
export function copySources(folder: string, extra: readonly string[] = []): void {
  for (const entry of [...SOURCES, ...extra]) cpSync(path.join(ROOT, entry), path.join(folder, entry), { recursive: true });
}

/** A TF1 training script whose 'losses' collection nothing sums: WD101 (a warning) at line 3. */
/** A model module (`net.py`) whose decay term only the training script beside it can leave out of the loss: WD101 at its line 5. */
export const SPLIT_MODEL_MODULE = ['import tensorflow as tf', '', 'def logits(x):', '    w = tf.get_variable("w", [784, 10])', '    tf.add_to_collection("losses", 0.004 * tf.nn.l2_loss(w))', '    return tf.matmul(x, w)', ''].join('\n');
/** The training script (`fit.py`) of SPLIT_MODEL_MODULE: it minimizes the cross entropy alone. */
export const SPLIT_TRAINING_SCRIPT = [
  'import tensorflow as tf',
  'import net',
  'x = tf.placeholder(tf.float32, [None, 784])',
  'y = tf.placeholder(tf.int64, [None])',
  'loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=net.logits(x)))',
  'train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)',
  '',
].join('\n');

export const COLLECTION_NEVER_SUMMED = [
  'import tensorflow as tf',
  'w = tf.get_variable("w", [784, 10])',
  'tf.add_to_collection("losses", 0.004 * tf.nn.l2_loss(w))',
  'x = tf.placeholder(tf.float32, [None, 784])',
  'y = tf.placeholder(tf.int64, [None])',
  'loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=tf.matmul(x, w)))',
  'train_op = tf.train.GradientDescentOptimizer(0.1).minimize(loss)',
  '',
].join('\n');
