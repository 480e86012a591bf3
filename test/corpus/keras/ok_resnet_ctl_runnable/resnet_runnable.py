# Idiom seen in: tensorflow/models official/vision/image_classification/resnet/resnet_runnable.py
# What it reproduces: a trainable object whose train_step(iterator) runs step_fn through
# strategy.run; the loss adds tf.reduce_sum(self.model.losses) / num_replicas, or, with
# --single_l2_loss_op, an explicit 2 * 1e-4 * sum(l2_loss) over non-BN variables. Correct.
import tensorflow as tf

import imagenet_preprocessing
import resnet_model


class ResnetRunnable(object):
    """Implements the training API for the Resnet model."""

    def __init__(self, flags_obj, epoch_steps):
        self.strategy = tf.distribute.get_strategy()
        self.flags_obj = flags_obj
        self.batch_size = int(flags_obj.batch_size / self.strategy.num_replicas_in_sync)
        self.epoch_steps = epoch_steps
        self.model = resnet_model.resnet50(
            num_classes=imagenet_preprocessing.NUM_CLASSES,
            batch_size=flags_obj.batch_size,
            use_l2_regularizer=not flags_obj.single_l2_loss_op)
        lr_schedule = tf.keras.optimizers.schedules.PiecewiseConstantDecay(
            boundaries=[30 * epoch_steps, 60 * epoch_steps, 80 * epoch_steps],
            values=[0.1, 0.01, 0.001, 0.0001])
        self.optimizer = tf.keras.optimizers.SGD(learning_rate=lr_schedule, momentum=0.9)
        self.train_loss = tf.keras.metrics.Mean('train_loss', dtype=tf.float32)
        self.train_accuracy = tf.keras.metrics.SparseCategoricalAccuracy('train_accuracy', dtype=tf.float32)

    def build_train_dataset(self):
        return self.strategy.experimental_distribute_dataset(
            imagenet_preprocessing.input_fn(is_training=True, data_dir=self.flags_obj.data_dir,
                                            batch_size=self.batch_size))

    def train_step(self, iterator):
        def step_fn(inputs):
            images, labels = inputs
            with tf.GradientTape() as tape:
                logits = self.model(images, training=True)
                prediction_loss = tf.keras.losses.sparse_categorical_crossentropy(labels, logits)
                loss = tf.reduce_sum(prediction_loss) * (1.0 / self.flags_obj.batch_size)
                num_replicas = self.strategy.num_replicas_in_sync
                l2_weight_decay = 1e-4
                if self.flags_obj.single_l2_loss_op:
                    l2_loss = l2_weight_decay * 2 * tf.add_n([
                        tf.nn.l2_loss(v) for v in self.model.trainable_variables if 'bn' not in v.name])
                    loss += (l2_loss / num_replicas)
                else:
                    loss += (tf.reduce_sum(self.model.losses) / num_replicas)
            grads = tape.gradient(loss, self.model.trainable_variables)
            self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))
            self.train_loss.update_state(loss)
            self.train_accuracy.update_state(labels, logits)

        self.strategy.run(step_fn, args=(next(iterator),))
