# Idiom seen in: spktrm/porygon2 ml/config.py (AdamConfig.weight_decay); evanatyourservice/FastAdaBelief-optax
#   README.md (haiku mask `name == 'w'`)
# What it reproduces: the learner's optimizer helper: clip, Adam scaling, then decoupled decay on the
#   weight matrices only, added to the chain only when the config asks for it.
# label-note: WD303 on the guard: the only configs that reach this helper (learner.py, main.py) carry
#   AdamConfig(weight_decay=0.0), so the decay branch is never taken.
import haiku as hk
import optax

from config import AdamConfig


def _decay_mask(params):
    # decay weight matrices only; biases, LayerNorm scale/offset and embeddings are left alone
    return hk.data_structures.map(lambda module_name, name, value: name == "w", params)


def make_optimizer(learning_rate: float, adam: AdamConfig, clip_gradient: float) -> optax.GradientTransformation:
    chain = [
        optax.clip(clip_gradient),
        optax.scale_by_adam(b1=adam.b1, b2=adam.b2, eps=adam.eps, eps_root=0.0),
    ]
    if adam.weight_decay:  # expect: WD303
        chain.append(optax.add_decayed_weights(adam.weight_decay, mask=_decay_mask))
    chain.append(optax.scale(-learning_rate))
    return optax.chain(*chain)
