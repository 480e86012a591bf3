# Idiom seen in: tensorflow/neural-structured-learning research/gam/gam/experiments/run_train_gam.py
# What it reproduces: absl flags for the classification and agreement weight decays handed to the two
#   trainers; the co-training loop alternates them. Clean.
from absl import app
from absl import flags
import tensorflow as tf

from mlp import MLP
from trainer_agreement import TrainerAgreement
from trainer_classification import TrainerClassification
from gam.data.loaders import load_data_planetoid

FLAGS = flags.FLAGS
flags.DEFINE_string('dataset_name', 'cora', 'Dataset name.')
flags.DEFINE_float('weight_decay_cls', 5e-4, 'Weight decay of the classification model.')
flags.DEFINE_string('weight_decay_schedule_cls', None, 'Schedule of the classification decay.')
flags.DEFINE_float('weight_decay_agr', 1e-3, 'Weight decay of the agreement model.')
flags.DEFINE_integer('max_num_iter_cotrain', 100, 'Number of co-training iterations.')


def main(argv):
  del argv
  data = load_data_planetoid(FLAGS.dataset_name)
  model_cls = MLP(output_dim=data.num_classes, hidden_sizes=[128])
  model_agr = MLP(output_dim=1, hidden_sizes=[128], is_binary_classification=True)

  trainer_agr = TrainerAgreement(model_agr, data, weight_decay=FLAGS.weight_decay_agr)
  trainer_cls = TrainerClassification(
      model_cls, data, agreement_model=trainer_agr,
      weight_decay=FLAGS.weight_decay_cls,
      weight_decay_schedule=FLAGS.weight_decay_schedule_cls,
      max_num_iter_cotrain=FLAGS.max_num_iter_cotrain)

  with tf.Session() as session:
    session.run(tf.global_variables_initializer())
    for iter_cotrain in range(FLAGS.max_num_iter_cotrain):
      agr_loss = trainer_agr.train(session)
      cls_loss = trainer_cls.train(session)
      if trainer_cls.weight_decay_update is not None:
        session.run(trainer_cls.weight_decay_update)
      print('cotrain %d: agreement %.4f classification %.4f' % (iter_cotrain, agr_loss, cls_loss))


if __name__ == '__main__':
  app.run(main)
