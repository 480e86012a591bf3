# Idiom seen in: danijar/dreamerv3 dreamerv3/jaxutils.py
# What it reproduces: the Optimizer wrapper chains clipping, scale_by_adam, a masked (kernel-only)
# add_decayed_weights under `if wd:` and the learning-rate scale; the decay branch is guarded by wd.
import re

import jax
import jax.numpy as jnp
import optax

treemap = jax.tree_util.tree_map


class Optimizer:

    def __init__(self, lr, scaler='adam', eps=1e-7, beta1=0.9, beta2=0.999, warmup=1000,
                 wd=0.0, wd_pattern=r'/kernel$', globclip=0.0, agc=0.0, pmin=1e-3):
        self.lr = lr
        self.warmup = warmup
        chain = []
        if globclip:
            chain.append(optax.clip_by_global_norm(globclip))
        if agc:
            chain.append(scale_by_agc(agc, pmin))
        if scaler == 'adam':
            chain.append(optax.scale_by_adam(beta1, beta2, eps))
        else:
            raise NotImplementedError(scaler)
        if wd:  # expect: WD303
            pattern = re.compile(wd_pattern)
            wdmaskfn = lambda params: {k: bool(pattern.search(k)) for k in params}
            chain.append(optax.add_decayed_weights(wd, wdmaskfn))
        chain.append(optax.scale(-lr))
        self.chain = optax.chain(*chain)

    def init(self, params):
        return {'state': self.chain.init(params), 'step': jnp.zeros((), jnp.int32)}

    def update(self, lossfn, params, opt_state, *args):
        (loss, aux), grads = jax.value_and_grad(lossfn, has_aux=True)(params, *args)
        updates, state = self.chain.update(grads, opt_state['state'], params)
        scale = jnp.clip(opt_state['step'].astype(jnp.float32) / self.warmup, 0, 1) if self.warmup else 1.0
        updates = treemap(lambda x: x * scale, updates)
        params = optax.apply_updates(params, updates)
        metrics = {'loss': loss, 'grad_norm': optax.global_norm(grads)}
        return params, {'state': state, 'step': opt_state['step'] + 1}, metrics, aux


def scale_by_agc(clip=0.03, pmin=1e-3):

    def init_fn(params):
        return ()

    def update_fn(updates, state, params=None):
        def fn(param, update):
            unorm = jnp.linalg.norm(update.flatten(), 2)
            pnorm = jnp.linalg.norm(param.flatten(), 2)
            upper = clip * jnp.maximum(pmin, pnorm)
            return update * (1 / jnp.maximum(1.0, unorm / upper))
        return treemap(fn, params, updates), ()

    return optax.GradientTransformation(init_fn, update_fn)
