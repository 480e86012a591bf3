# Idiom seen in: tbe07tyg/Tensorflow2 05-distributed-training/resnet.py
# Idiom seen in: tbe07tyg/Tensorflow2 05-distributed-training/worker.py
# What it reproduces: a subclassed ResNet-style CIFAR model with L2 kernel regularizers in a MirroredStrategy
# custom loop; the scaled sum of model.losses is computed in the step but only fed to a metric, the tape
# differentiates the cross entropy alone (user mistake in the repository's distributed idiom).
import tensorflow as tf

from cifar_input import build_train_dataset

L2_WEIGHT_DECAY = 2e-4
GLOBAL_BATCH_SIZE = 256
EPOCHS = 60


class ConvBN(tf.keras.layers.Layer):
    def __init__(self, filters, strides=1, **kwargs):
        super().__init__(**kwargs)
        self.conv = tf.keras.layers.Conv2D(filters, 3, strides=strides, padding='same', use_bias=False,
                                           kernel_regularizer=tf.keras.regularizers.l2(L2_WEIGHT_DECAY))
        self.bn = tf.keras.layers.BatchNormalization(momentum=0.997, epsilon=1e-5)

    def call(self, x, training=False):
        return tf.nn.relu(self.bn(self.conv(x), training=training))


class SmallResNet(tf.keras.Model):
    def __init__(self, num_classes=10):
        super().__init__()
        self.stem = ConvBN(16)
        self.stages = [ConvBN(16), ConvBN(32, strides=2), ConvBN(64, strides=2)]
        self.pool = tf.keras.layers.GlobalAveragePooling2D()
        self.fc = tf.keras.layers.Dense(num_classes, kernel_regularizer=tf.keras.regularizers.l2(L2_WEIGHT_DECAY))

    def call(self, x, training=False):
        x = self.stem(x, training=training)
        for stage in self.stages:
            x = stage(x, training=training)
        return self.fc(self.pool(x))


strategy = tf.distribute.MirroredStrategy()
with strategy.scope():
    model = SmallResNet()
    optimizer = tf.keras.optimizers.SGD(learning_rate=0.1, momentum=0.9)
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy(
        from_logits=True, reduction=tf.keras.losses.Reduction.NONE)
    reg_metric = tf.keras.metrics.Mean(name='reg_loss')

dist_dataset = strategy.experimental_distribute_dataset(build_train_dataset(GLOBAL_BATCH_SIZE))


def train_step(inputs):
    images, labels = inputs
    with tf.GradientTape() as tape:
        logits = model(images, training=True)
        xent = tf.nn.compute_average_loss(loss_object(labels, logits), global_batch_size=GLOBAL_BATCH_SIZE)
        reg_loss = tf.nn.scale_regularization_loss(tf.add_n(model.losses))  # expect: WD105
    grads = tape.gradient(xent, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    reg_metric.update_state(reg_loss)
    return xent


@tf.function
def distributed_train_step(batch):
    per_replica = strategy.run(train_step, args=(batch,))
    return strategy.reduce(tf.distribute.ReduceOp.SUM, per_replica, axis=None)


for epoch in range(EPOCHS):
    for batch in dist_dataset:
        loss = distributed_train_step(batch)
    print(epoch, float(loss), float(reg_metric.result()))
    reg_metric.reset_states()
