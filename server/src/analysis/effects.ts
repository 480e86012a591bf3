// What running a piece of code does that matters for weight decay: it writes a collection, sums
// one, or hands a loss to an optimizer. Function summaries are lists of these.
import type { ParamGuard } from './ir';
import type { CollectionKey, Factor, OptimizerTag, Site, Value } from './values';

export type Effect =
  /**
   * `origin`: `regularizer`, written by TensorFlow itself for a TF1 `regularizer=` argument;
   * `keras`, a Keras layer's regularizer, collected in `model.losses`.
   */
  /** `owners`: for a Keras term, the models built by the calls it was made in, innermost first (objectKeys). */
  /** `forwarded`: a regularizer the caller passes through `**kwargs` to this layer call, by that keyword: reported where the caller makes it. */
  | { k: 'write'; key: CollectionKey; value: Value; site: Site; guard?: ParamGuard; origin?: 'regularizer' | 'keras'; owners?: readonly string[]; forwarded?: { call: Site; keyword: string } }
  /** `site` is the summing call, `readSite` the collection read inside it. */
  /** `afterTraining`: the training call the sum was added to a loss after (`loss += sum(model.losses)` after `tape.gradient`). */
  /** `inTrainingBody`: summed in a function (or module body) that trains itself, not a helper or an evaluation. */
  /** `owner`: the model whose `losses` are summed (`head.losses`), by objectKey. */
  /** `ofParameter`: a sum over a list the caller passes (`tf.add_n(model_losses)` in a helper): a sum of the collection only where the caller's list reads one. */
  | { k: 'sum'; key: CollectionKey; site: Site; readSite: Site; target?: string; scoped?: boolean; owner?: string; afterTraining?: { site: Site; method: string; lossName?: string }; inTrainingBody?: true; ofParameter?: true }
  | {
      k: 'sink';
      loss: Value;
      optimizer: Value;
      site: Site;
      method: string;
      lossName?: string;
      /** The loss argument and the statement around the call, where a quick fix edits. */
      lossSite?: Site;
      statement?: Site;
      /** `tape.gradient(loss, model.trainable_variables)`: the value `loss` is assigned (its only assignment) and `model`. */
      lossDefinition?: Site;
      trainedModel?: string;
      /** The models whose trainable variables are differentiated, by objectKey, when all are known. */
      trainedObjects?: readonly string[];
    }
  /** An optimizer constructed (PyTorch rules look at its own `weight_decay`). */
  /** `when`: built in a branch that runs only for some values of a parameter (`if optim == 'adam':`), decided by each call. */
  | { k: 'optimizer'; tag: OptimizerTag; site: Site; when?: ParamChoice }
  /** `optimizer.exclude_from_weight_decay(...)` (or Addons' `decay_var_list=`) on the optimizers `optimizer` holds. */
  /** `calledOn`: the receiver's name and the body it is called in; calls on one such receiver replace each other. */
  /** `onSelfIn`: called on `self` in that body, a subclass's constructor: it applies to the optimizer `super().__init__` builds there. */
  | { k: 'decayExclusion'; optimizer: Value; site: Site; calledOn: string; onSelfIn?: Site }
  /**
   * A layer of the model with the sizes the code gives (`nn.Linear(128, 10)`, `Conv2D(32, 3)`), for
   * sweep proxies. `site`: where it is built in the model's code (the helper call that builds it,
   * once `placed`); `origin`: where the layer itself is written.
   */
  | { k: 'layer'; layer: ProxyLayer; site: Site; origin: Site; placed?: true }
  /** `layer.kernel_regularizer = R` on a layer of `model`, a Keras model built by then (WD106). */
  | { k: 'layerRegularizer'; model: string; attribute: string; factor: Factor; site: Site }
  /** `model_from_json(model.to_json())`, `clone_model(model)`: the model's layers are created again. */
  | { k: 'modelRebuild'; model: string; site: Site }
  /**
   * `clf = Classifier(encoder)`, built by workspace code making Keras terms: `clf.losses` holds
   * `encoder`'s too (objectKeys). `library`: put together by Keras (`Sequential([backbone, head])`,
   * `Model(inputs, outputs)`), whose `losses` hold every term of what it is made of.
   */
  /**
   * `library`: Keras put it together from what the code cannot list (`Model(inputs, outputs)`): its
   * losses hold every term. `closed`: built from layers made right there (`Sequential([Dense(...)])`,
   * `model.add(Dense(...))`): its losses hold only the terms it owns.
   */
  | { k: 'modelParts'; model: string; parts: readonly string[]; library?: true; closed?: true }
  /**
   * `if wd:` around decay that is no collection write (a penalty added to the loss, a regularizer
   * made or returned, an optimizer's decay): each call decides whether it runs (WD303). `site`: the guard.
   */
  | { k: 'decaySwitch'; guard: ParamGuard; site: Site };

/** A layer as a sweep proxy needs it; sizes the code does not state are left out. */
export type ProxyLayer =
  | { kind: 'dense'; inputs?: number; units?: number }
  | { kind: 'conv'; filters?: number; kernel?: number; stride?: number; padding?: 'same' | 'valid' }
  | { kind: 'maxpool' | 'avgpool'; size?: number; stride?: number }
  | { kind: 'globalavgpool' | 'flatten' };

/** A branch's choice on a parameter (or a field of one, `args.optim`): `param`, `path` and the values it runs for (`negated`: all but those). */
export interface ParamChoice {
  param: string;
  path?: readonly string[];
  values: readonly string[];
  caseless?: true;
  negated?: true;
  substring?: true;
}

/** A call of a decay helper, enabled (a non-zero decay) or not (`wd=None`, `wd=0.0`). */
export interface HelperCall {
  /** The helper's collection write this call switches on or off. */
  writeSite: Site;
  /** The code that exists only for this decay: the `if wd is not None:` block, or the write. */
  machinery: Site;
  call: Site;
  helper: string;
  /** The helper's parameter that switches the decay, when one does (`wd`). */
  param?: string;
  enabled: boolean;
  /** Switched off by a constant (`param` is then its name, `call` where it is set): its value as written. */
  constant?: string;
  /** The machinery is an `if` guard (not a write or a layer's regularizer keyword). */
  guard?: true;
  /** The collection the helper writes its term to, when named (`'losses'`). */
  collection?: string;
}

/** A decay term computed and then dropped on the floor. */
export interface DiscardedTerm {
  site: Site;
  name?: string;
  /** Its decay factor, when a number. */
  decay?: number;
  /** Used again, but reaching none of the losses its function trains on: the first of those (`afterIt`: joins the loss only after that call trained on it). */
  unreached?: { sink: Site; method: string; lossName?: string; afterIt?: boolean };
  /** A method call whose result, holding the term, the statement drops (`loss.add(wd * l2)`): the receiver and method. */
  droppedResultOf?: { receiver: string; method: string };
  /** Overwritten by a later assignment to the same name before anything trained on it or read it. */
  overwrittenBy?: Site;
  /** Rebinds the function's own parameter (`loss = loss + penalty`), and the function returns nothing. */
  rebindsParameter?: boolean;
  /** In a module that does not use TensorFlow, whose collections could keep it. */
  noCollections?: true;
  /** Read only by calls that report it (`tf.summary.scalar`, `print`, `self.log`). */
  onlyLogged?: true;
  /**
   * Never used or only logged: its decay terms (decayFlow `decayTermKey`). A copy of a term some
   * training call differentiates elsewhere (a helper's, called again for a log) drops nothing.
   */
  termKeys?: readonly string[];
}
