# Idiom seen in: VitoBarra/Keras-LRMU Utility/ModelBuilder.py
# What it reproduces: the same fluent builder with L2 regularized Dense head and a GradientTape loop,
#   written correctly: the regularization terms (model.losses) are summed into the loss inside the
#   tape, so the decay is trained. Clean.
import tensorflow as tf
import tensorflow.keras as ks

from Problems.psMNIST.DataGeneration import psMNISTDataset  # not part of this program


class ModelBuilder:
    def __init__(self, name, l2=1e-4):
        self.name = name
        self.L2 = l2
        self.Input = None
        self.Feature = None

    def inputLayer(self, seq_len):
        self.Input = ks.Input(shape=(seq_len, 1))
        return self

    def GRU(self, units):
        self.Feature = ks.layers.GRU(units)(self.Input)
        return self

    def BuildClassification(self, classes):
        out = ks.layers.Dense(classes, kernel_regularizer=ks.regularizers.l2(self.L2))(self.Feature)
        return ks.Model(self.Input, out, name=self.name)


def main(epochs=10):
    (x_train, y_train), _ = psMNISTDataset()
    model = ModelBuilder("psMNIST_GRU", l2=5e-5).inputLayer(784).GRU(128).BuildClassification(10)
    optimizer = ks.optimizers.SGD(0.05, momentum=0.9)
    ce = ks.losses.SparseCategoricalCrossentropy(from_logits=True)
    ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(4096).batch(100)

    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            logits = model(x, training=True)
            loss = ce(y, logits) + tf.add_n(model.losses)
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return loss

    for epoch in range(epochs):
        for x, y in ds:
            loss = train_step(x, y)
        print(epoch, float(loss))


if __name__ == "__main__":
    main()
