# Idiom seen in: ChibiMaruko2013210855/DenseNet-Keras-master cifar10.py
# What it reproduces: the repo's CIFAR-10 script (DenseNet(reduction=0.5, classes=10), SGD momentum 0.9
# nesterov) rewritten as a custom GradientTape loop; the loss given to tape.gradient is the cross entropy only.
import tensorflow as tf

from densenet import DenseNet

EPOCHS = 30
BATCH_SIZE = 64


def main():
    (x_train, y_train), _ = tf.keras.datasets.cifar10.load_data()
    x_train = x_train.astype('float32') / 255.0
    dataset = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(10000).batch(BATCH_SIZE)

    model = DenseNet(reduction=0.5, classes=10, weight_decay=1e-4)
    optimizer = tf.keras.optimizers.SGD(learning_rate=1e-2, momentum=0.9, nesterov=True)
    loss_object = tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True)

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            predictions = model(images, training=True)
            loss = loss_object(labels, predictions)
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        return loss

    for epoch in range(EPOCHS):
        for images, labels in dataset:
            loss = train_step(images, labels)
        print('epoch', epoch, 'loss', float(loss))
    model.save_weights('densenet_cifar10.h5')


if __name__ == '__main__':
    main()
