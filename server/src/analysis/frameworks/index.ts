// The frameworks the evaluator asks, in order: where two answer the same method name, the first
// wins (TF.js before the Python libraries; Keras' optimizer exclusions before TensorFlow's
// `minimize`). A new framework is one module here and one line below.
import { commandLine } from './commandLine';
import type { Framework } from './framework';
import { huggingFace } from './huggingFace';
import { keras } from './keras';
import { lightning } from './lightning';
import { optax } from './optax';
import { slim } from './slim';
import { tensorflow } from './tensorflow';
import { tensorpack } from './tensorpack';
import { tfjs } from './tfjs';
import { torch } from './torch';

export const frameworks: readonly Framework[] = [commandLine, tfjs, torch, keras, lightning, tensorflow, slim, optax, huggingFace, tensorpack];
