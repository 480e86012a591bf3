# Idiom seen in: AlecoPB/holbertonschool-machine_learning supervised_learning/regularization/2-l2_reg_cost.py
# Idiom seen in: AlecoPB/holbertonschool-machine_learning supervised_learning/regularization/3-l2_reg_create_layer.py
# What it reproduces: the course modules loaded with __import__: a Dense builder taking lambtha for
#   kernel_regularizer=L2(lambtha), and l2_reg_cost(cost, model) that adds every layer kernel_regularizer
#   applied to its kernel; the GradientTape step differentiates that total: clean.
import numpy as np
import tensorflow as tf

l2_reg_cost = __import__('2-l2_reg_cost').l2_reg_cost
l2_reg_create_layer = __import__('3-l2_reg_create_layer').l2_reg_create_layer


def one_hot(Y, classes):
    oh = np.zeros((Y.shape[0], classes))
    oh[np.arange(Y.shape[0]), Y] = 1
    return oh


if __name__ == '__main__':
    lib = np.load('../data/MNIST.npz')
    X_train = lib['X_train'].reshape((-1, 784)).astype(np.float32)
    Y_train = one_hot(lib['Y_train'], 10).astype(np.float32)

    inputs = tf.keras.Input(shape=(784,))
    h1 = l2_reg_create_layer(inputs, 256, tf.nn.tanh, 0.05)
    h2 = l2_reg_create_layer(h1, 256, tf.nn.tanh, 0.05)
    outputs = tf.keras.layers.Dense(10)(h2)
    model = tf.keras.Model(inputs, outputs)

    optimizer = tf.keras.optimizers.SGD(learning_rate=0.01)
    loss_fn = tf.keras.losses.CategoricalCrossentropy(from_logits=True)
    dataset = tf.data.Dataset.from_tensor_slices((X_train, Y_train)).shuffle(10000).batch(32)

    for epoch in range(5):
        for x, y in dataset:
            with tf.GradientTape() as tape:
                logits = model(x, training=True)
                cost = loss_fn(y, logits)
                total_cost = l2_reg_cost(cost, model)
            grads = tape.gradient(total_cost, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
        print("epoch {}: cost {:.4f} total {:.4f}".format(epoch, float(cost), float(total_cost)))
