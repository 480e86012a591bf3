# Idiom seen in: srihari-humbarwadi/retinanet-tensorflow2.x retinanet/executor.py (Executor.weight_decay,
#   _get_weight_decay_variables, _train_step; the version after "weight decay without add_loss")
# What it reproduces: no Keras regularizers and no optimizer decay. The executor flattens nested layers, collects
#   depthwise/pointwise/conv kernels and any 'kernel'/'weight' variable (asserting that everything else is a
#   normalization parameter or a bias), and adds alpha * sum(l2_loss) to 'total-loss' inside the tape; the
#   per-replica loss that is differentiated is taken from 'total-loss'.
import tensorflow as tf
from absl import logging


class Executor(object):
    def __init__(self, params, model_fn, train_input_fn, strategy):
        self.params = params
        self.distribute_strategy = strategy
        self.num_replicas = strategy.num_replicas_in_sync
        with strategy.scope():
            self._model = model_fn()
            schedule = tf.keras.optimizers.schedules.PiecewiseConstantDecay(
                params.training.optimizer.lr_boundaries, params.training.optimizer.lr_values)
            self.optimizer = tf.keras.optimizers.SGD(learning_rate=schedule, momentum=0.9, nesterov=True)
        self._train_dataset = strategy.experimental_distribute_dataset(train_input_fn())
        self._weight_decay_vars = self._get_weight_decay_variables()
        logging.info('Initial weight decay loss: {:.4f}'.format(float(self.weight_decay())))

    @staticmethod
    def _maybe_flatten_layers(layer):
        return layer.layers if hasattr(layer, 'layers') else [layer]

    def weight_decay(self):
        alpha = self.params.training.weight_decay_alpha
        return tf.math.add_n([alpha * tf.nn.l2_loss(x) for x in self._weight_decay_vars])

    def _get_weight_decay_variables(self):
        weight_decay_vars, layers = [], []
        for layer in self._model.layers:
            layers.extend(Executor._maybe_flatten_layers(layer))
        for layer in layers:
            if not layer.trainable:
                continue
            if isinstance(layer, tf.keras.layers.SeparableConv2D):
                weight_decay_vars += [layer.depthwise_kernel, layer.pointwise_kernel]
            elif isinstance(layer, tf.keras.layers.DepthwiseConv2D):
                weight_decay_vars.append(layer.depthwise_kernel)
            elif isinstance(layer, tf.keras.layers.Conv2D):
                weight_decay_vars.append(layer.kernel)
            else:
                for var in layer.trainable_variables:
                    if 'kernel' in var.name or 'weight' in var.name:
                        weight_decay_vars.append(var)
                    else:
                        assert 'normalization' in var.name or 'bias' in var.name
        return weight_decay_vars

    def _train_step(self, data):
        images, targets = data
        with tf.GradientTape() as tape:
            predictions = self._model(images, training=True)
            loss = self._model.loss(targets, predictions)
            loss['total-loss'] = loss['weighted-loss']
            if self.params.training.use_weight_decay:
                loss['l2-regularization'] = self.weight_decay()
                loss['total-loss'] += loss['l2-regularization']
            per_replica_loss = loss['total-loss'] / self.num_replicas
        gradients = tape.gradient(per_replica_loss, self._model.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self._model.trainable_variables))
        return loss

    @tf.function
    def distributed_train_step(self, iterator):
        loss_dict = self.distribute_strategy.run(self._train_step, args=(next(iterator),))
        return tf.nest.map_structure(
            lambda x: self.distribute_strategy.reduce(tf.distribute.ReduceOp.MEAN, x, axis=None), loss_dict)

    def train(self):
        iterator = iter(self._train_dataset)
        for step in range(1, self.params.training.train_steps + 1):
            loss_dict = self.distributed_train_step(iterator)
            if step % self.params.training.summary_steps == 0:
                logging.info('[step {}] total-loss {:.4f}'.format(step, float(loss_dict['total-loss'])))
