# Idiom seen in: google/init2winit init2winit/optimizer_lib/optimizers.py
# What it reproduces: init2winit's sgd() helper (add_decayed_weights before optax.sgd, no mask) and get_optimizer(hps)
#   without the repo's `assert hps.l2_decay_factor is None or weight_decay == 0.0` (user mistake): the optimizer decays
#   every leaf, biases included, on top of the L2 term already in the training cost.
import optax


def sgd(learning_rate, weight_decay, momentum=None, nesterov=False):
  """Weight decay applied **before** the momentum update, as the Flax optimizers did."""
  return optax.chain(
      optax.add_decayed_weights(weight_decay),  # expect: WD203
      optax.sgd(learning_rate=learning_rate, momentum=momentum, nesterov=nesterov))


def get_optimizer(hps):
  weight_decay = hps.opt_hparams.get('weight_decay', 0)

  if hps.optimizer == 'sgd':
    tx = optax.inject_hyperparams(sgd)(
        learning_rate=hps.lr_hparams['base_lr'], weight_decay=weight_decay)
  elif hps.optimizer in ('momentum', 'nesterov'):
    tx = optax.inject_hyperparams(sgd)(
        learning_rate=hps.lr_hparams['base_lr'],
        weight_decay=weight_decay,
        momentum=hps.opt_hparams['momentum'],
        nesterov=(hps.optimizer == 'nesterov'))
  else:
    raise NotImplementedError('Optimizer {} not implemented'.format(hps.optimizer))
  return tx
