# Idiom seen in: srihari-humbarwadi/retinanet-tensorflow2.x retinanet/executor.py (Executor._train_step,
#   distributed_train_step, _write_train_summaries; the version that summed model.losses)
# What it reproduces: a trainer object that owns the strategy, the model built by the model_fn and a loss DICT
#   returned by the compiled loss object. The L2 sum of model.losses is put into the dict and folded into
#   'total-loss', which is what TensorBoard shows, but the per-replica loss handed to the tape is taken from
#   'weighted-loss' (the detection part only), so the decay never reaches the gradients.
# label-note: WD105 on the line that sums self._model.losses; the sum is logged but not minimized. The terms come
#   from model.add_loss in builder.py (no regularizer= arguments); a WD103 on the same defect is not labelled.
import tensorflow as tf
from absl import logging


class Executor(object):
    def __init__(self, params, model_fn, train_input_fn, strategy):
        self.params = params
        self.distribute_strategy = strategy
        self.num_replicas = strategy.num_replicas_in_sync
        with strategy.scope():
            self._model = model_fn()
            self.optimizer = self._model.optimizer
        self._train_dataset = strategy.experimental_distribute_dataset(train_input_fn())
        self._summary_writer = tf.summary.create_file_writer(params.experiment.model_dir)

    def _train_step(self, data):
        images, targets = data
        with tf.GradientTape() as tape:
            predictions = self._model(images, training=True)
            loss = self._model.loss(targets, predictions)
            loss['total-loss'] = loss['weighted-loss']
            if self.params.training.use_weight_decay:
                loss['l2-regularization'] = tf.math.add_n(self._model.losses)  # expect: WD105
                loss['total-loss'] += loss['l2-regularization']
            per_replica_loss = loss['weighted-loss'] / self.num_replicas

        gradients = tape.gradient(per_replica_loss, self._model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self._model.trainable_variables))
        loss['learning-rate'] = self.optimizer.learning_rate
        return loss

    @tf.function
    def distributed_train_step(self, iterator, num_steps):
        loss_dict = self.distribute_strategy.run(self._train_step, args=(next(iterator),))
        for _ in tf.range(num_steps - 1):
            loss_dict = self.distribute_strategy.run(self._train_step, args=(next(iterator),))
        return tf.nest.map_structure(
            lambda x: self.distribute_strategy.reduce(tf.distribute.ReduceOp.MEAN, x, axis=None), loss_dict)

    def train(self):
        iterator = iter(self._train_dataset)
        steps = self.params.training.train_steps
        log_every = self.params.training.summary_steps
        for step in range(log_every, steps + 1, log_every):
            loss_dict = self.distributed_train_step(iterator, tf.constant(log_every))
            with self._summary_writer.as_default():
                for k in ['box-loss', 'class-loss', 'weighted-loss', 'l2-regularization', 'total-loss']:
                    if k in loss_dict:
                        tf.summary.scalar('losses/' + k, loss_dict[k], step=step)
            logging.info('[step {}] total-loss {:.4f}'.format(step, float(loss_dict['total-loss'])))
