// Which Keras model's `losses` hold which regularization terms. A term is owned by the models
// built around it (`head = make_head()`, `self.generator = Generator()`: effects' `owners`); a read
// of `head.losses` holds only those, a read of a model Keras puts together (`Sequential([backbone,
// head])`) or of one not named holds every term. A term left out by such a read is a bug only where
// a training call differentiates its model.
import type { DecaySource, SinkEffect } from './decayFlow';
import type { Effect } from './effects';
import { pushTo } from './moduleInfo';
import { objectName } from './scope';

export class ModelLosses {
  /** Models built by workspace code that makes Keras terms. */
  private readonly built: Set<string>;
  /** What each model is made of (given to its construction, or listed to Keras). */
  private readonly parts = new Map<string, string[]>();
  /** Models Keras puts together somewhere: their `losses` hold everything. */
  private readonly library = new Set<string>();
  /** Sequential models of layers made right where they are listed or added: their `losses` hold only their own terms. */
  private readonly closed = new Set<string>();

  constructor(effects: readonly Effect[]) {
    this.built = new Set(effects.flatMap((effect) => (effect.k === 'write' && effect.origin === 'keras' ? (effect.owners ?? []) : [])));
    for (const effect of effects) {
      if (effect.k !== 'modelParts') continue;
      for (const part of effect.parts) pushTo(this.parts, effect.model, part);
      if (effect.library) this.library.add(effect.model);
      if (effect.closed) this.closed.add(effect.model);
    }
  }

  /** A read of `owner.losses` (undefined: of a model not named) holds the source's terms. */
  holds(owner: string | undefined, source: DecaySource): boolean {
    const closed = owner !== undefined && this.closed.has(owner) && !this.library.has(owner);
    if (owner === undefined || (!this.built.has(owner) && !closed) || this.library.has(owner)) return true;
    const inside = this.closure(owner);
    // A term no model is known to own is in any model's losses, but a closed model's.
    return (source.models ?? []).some((chain) => (chain.length === 0 && !closed) || chain.some((model) => inside.has(model)));
  }

  /**
   * The model, as the code names it, that holds the source's terms among those the sink
   * differentiates (`tape.gradient(loss, head.trainable_variables)`); undefined when the sink is
   * not known to train them.
   */
  trainedBy(sink: SinkEffect, source: DecaySource): string | undefined {
    for (const trained of sink.trainedObjects ?? []) {
      const inside = this.closure(trained);
      for (const chain of (source.models ?? [])) {
        const model = chain.find((candidate) => inside.has(candidate));
        if (model) return objectName(model);
      }
    }
    return undefined;
  }

  private closure(model: string): Set<string> {
    const inside = new Set([model]);
    const stack = [model];
    while (stack.length > 0) {
      for (const part of this.parts.get(stack.pop()!) ?? []) {
        if (inside.has(part)) continue;
        inside.add(part);
        stack.push(part);
      }
    }
    return inside;
  }
}
