# Idiom seen in: google-deepmind/enn enn/supervised/sgd_experiment_legacy.py
# Idiom seen in: google-deepmind/enn enn/losses/utils.py
# What it reproduces: realistic user mistake in the ENN idiom (ENN's own examples pair the L2 wrapper
#   with optax.adam): the loss is wrapped with add_l2_weight_decay(scale=1e-4) and the optimizer is
#   switched to optax.adamw(1e-3), whose default weight_decay=1e-4 decays the same haiku params
#   again (WD201 in losses.py) and, without a mask, every bias too (WD203 at the adamw call).
import optax
from absl import app, flags

from enn import networks
from enn.supervised import regression_data
from experiment import Experiment
from losses import add_l2_weight_decay, average_single_index_loss, l2_regression_single

FLAGS = flags.FLAGS
flags.DEFINE_integer('num_batches', 10000, 'Number of SGD steps.')
flags.DEFINE_integer('num_ensemble', 10, 'Ensemble size.')
flags.DEFINE_float('l2_scale', 1e-4, 'Scale of the L2 penalty in the loss.')


def main(_):
    dataset = regression_data.make_dataset()
    enn = networks.MLPEnsembleMatchedPrior(output_sizes=[50, 50, 1], num_ensemble=FLAGS.num_ensemble,
                                           dummy_input=next(dataset).x)
    single_loss = l2_regression_single
    loss_fn = average_single_index_loss(single_loss, num_index_samples=FLAGS.num_ensemble)
    loss_fn = add_l2_weight_decay(loss_fn, scale=FLAGS.l2_scale,
                                  predicate=lambda module, name, value: 'prior' not in module)
    optimizer = optax.adamw(1e-3)  # expect: WD203
    experiment = Experiment(enn, loss_fn, optimizer, dataset, seed=0)
    experiment.train(FLAGS.num_batches)


if __name__ == '__main__':
    app.run(main)
