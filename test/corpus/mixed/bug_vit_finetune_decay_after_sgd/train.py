# Idiom seen in: google-research/vision_transformer vit_jax/train.py
# Idiom seen in: google-research/vision_transformer vit_jax/configs/common.py
# What it reproduces: ViT fine-tuning with optax.chain(clip_by_global_norm, sgd(momentum=0.9)); the user
# adds kernel-masked weight decay by appending optax.add_decayed_weights AFTER the sgd step, so the
# update becomes w*(1+wd) - lr*g: a growth, not a decay (user mistake; the repo uses no decay).
import functools

from absl import app, flags, logging
from clu import metric_writers
import flax
from flax import traverse_util
import jax
import jax.numpy as jnp
from ml_collections import config_flags
import optax

from vit_jax import checkpoint
from vit_jax import input_pipeline
from vit_jax import models
from vit_jax import utils


def kernel_mask(params):
  flat = traverse_util.flatten_dict(params)
  return traverse_util.unflatten_dict({k: k[-1] == 'kernel' for k in flat})


def make_update_fn(*, apply_fn, accum_steps, tx):
  """Returns update step for data parallel training."""

  def update_fn(params, opt_state, batch, rng):
    _, new_rng = jax.random.split(rng)
    dropout_rng = jax.random.fold_in(rng, jax.lax.axis_index('batch'))

    def cross_entropy_loss(*, logits, labels):
      logp = jax.nn.log_softmax(logits)
      return -jnp.mean(jnp.sum(logp * labels, axis=1))

    def loss_fn(params, images, labels):
      logits = apply_fn(dict(params=params), rngs=dict(dropout=dropout_rng), inputs=images, train=True)
      return cross_entropy_loss(logits=logits, labels=labels)

    l, g = utils.accumulate_gradient(
        jax.value_and_grad(loss_fn), params, batch['image'], batch['label'], accum_steps)
    g = jax.tree.map(lambda x: jax.lax.pmean(x, axis_name='batch'), g)
    updates, opt_state = tx.update(g, opt_state, params)
    params = optax.apply_updates(params, updates)
    l = jax.lax.pmean(l, axis_name='batch')
    return params, opt_state, l, new_rng

  return jax.pmap(update_fn, axis_name='batch', donate_argnums=(0,))


def train_and_evaluate(config, workdir):
  dataset_info = input_pipeline.get_dataset_info(config.dataset, 'train')
  ds_train, _ = input_pipeline.get_datasets(config)
  model = models.VisionTransformer(num_classes=dataset_info['num_classes'], **config.model)
  variables = jax.jit(lambda: model.init(jax.random.PRNGKey(0), jnp.ones([1, 224, 224, 3]), train=False),
                      backend='cpu')()
  params = checkpoint.load_pretrained(
      pretrained_path=f'{config.pretrained_dir}/{config.model.model_name}.npz',
      init_params=variables['params'], model_config=config.model)

  lr_fn = utils.create_learning_rate_schedule(config.total_steps, config.base_lr, config.decay_type,
                                              config.warmup_steps)
  tx = optax.chain(
      optax.clip_by_global_norm(config.grad_norm_clip),
      optax.sgd(learning_rate=lr_fn, momentum=0.9, accumulator_dtype="bfloat16"),
      optax.add_decayed_weights(config.wd, mask=kernel_mask),  # expect: WD302
  )

  update_fn_repl = make_update_fn(apply_fn=model.apply, accum_steps=config.accum_steps, tx=tx)
  opt_state = tx.init(params)
  params_repl, opt_state_repl = flax.jax_utils.replicate((params, opt_state))
  update_rng_repl = flax.jax_utils.replicate(jax.random.PRNGKey(0))
  writer = metric_writers.create_default_writer(workdir)

  for step, batch in zip(range(1, config.total_steps + 1), input_pipeline.prefetch(ds_train, 2)):
    params_repl, opt_state_repl, loss_repl, update_rng_repl = update_fn_repl(
        params_repl, opt_state_repl, batch, update_rng_repl)
    if step % 100 == 0:
      writer.write_scalars(step, dict(train_loss=float(loss_repl[0]), lr=float(lr_fn(step))))
  return params_repl


FLAGS = flags.FLAGS
flags.DEFINE_string('workdir', None, 'Directory to store logs and model data.')
config_flags.DEFINE_config_file('config', None, 'File path to the training hyperparameter configuration.')


def main(argv):
  del argv
  logging.info('Starting fine-tuning in %s', FLAGS.workdir)
  train_and_evaluate(FLAGS.config, FLAGS.workdir)


if __name__ == '__main__':
  app.run(main)
