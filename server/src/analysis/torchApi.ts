// What the analysis knows about PyTorch, keyed by the name after `torch.`.
import type { OptimizerKind } from './values';

const optimizers: Record<string, OptimizerKind> = {
  'optim.SGD': 'sgd',
  'optim.Adam': 'adam',
  'optim.AdamW': 'adamw',
  'optim.RMSprop': 'adaptive',
  'optim.Adagrad': 'adaptive',
  'optim.Adadelta': 'adaptive',
  'optim.Adamax': 'adam',
  'optim.NAdam': 'adam',
  'optim.RAdam': 'adam',
};

export type TorchRole = 'sum' | 'square' | 'norm' | 'gradients' | 'linear';

const roles: Record<string, TorchRole> = {
  sum: 'sum',
  square: 'square',
  norm: 'norm',
  'linalg.norm': 'norm',
  'autograd.grad': 'gradients',
  'autograd.backward': 'gradients',
  'nn.Linear': 'linear',
};

/** Functions whose result is their input rearranged or combined; the others compute data (torch.nn.functional, layers). */
const passThroughFunctions = new Set(['mean', 'add', 'sub', 'mul', 'div', 'stack', 'cat', 'clone', 'squeeze', 'reshape', 'where', 'maximum', 'minimum']);

export function torchPassesThrough(member: string): boolean {
  return passThroughFunctions.has(member);
}

/** `torch.optim.SGD` -> `optim.SGD`; undefined outside PyTorch. */
export function torchMember(fullName: string): string | undefined {
  const match = /^torch(?:\.(.*))?$/.exec(fullName);
  return match ? match[1] ?? '' : undefined;
}

export function torchOptimizerKind(member: string): OptimizerKind | undefined {
  return optimizers[member];
}

export function torchRole(member: string): TorchRole | undefined {
  return roles[member];
}

/** torch.optim.AdamW's weight_decay when none is given. */
export const TORCH_ADAMW_DEFAULT_DECAY = 0.01;
