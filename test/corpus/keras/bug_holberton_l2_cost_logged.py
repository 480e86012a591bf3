# Idiom seen in: 3lackrukh/atlas-machine_learning supervised_learning/regularization/2-l2_reg_cost.py
# Idiom seen in: Eonvorax/holbertonschool-machine_learning supervised_learning/regularization/3-l2_reg_create_layer.py
# What it reproduces: the TF2 course helpers (Dense with kernel_regularizer=L2(lambtha); l2_reg_cost(cost, model)); a realistic
#   student mistake: the custom loop differentiates the plain cost and calls l2_reg_cost only after the tape to print the
#   "regularized cost", so the sum of model.losses is computed but never minimized (WD105 on the sum).
import numpy as np
import tensorflow as tf


def l2_reg_cost(cost, model):
    """Cost of the network accounting for the layers' L2 terms."""
    return cost + tf.add_n(model.losses)  # expect: WD105


def l2_reg_create_layer(prev, n, activation, lambtha):
    init_weights = tf.keras.initializers.VarianceScaling(scale=2.0, mode='fan_avg')
    layer = tf.keras.layers.Dense(units=n, activation=activation,
                                  kernel_initializer=init_weights,
                                  kernel_regularizer=tf.keras.regularizers.L2(lambtha))
    return layer(prev)


def build_model(nx, classes, lambtha):
    inputs = tf.keras.Input(shape=(nx,))
    a = l2_reg_create_layer(inputs, 256, tf.nn.tanh, lambtha)
    a = l2_reg_create_layer(a, 256, tf.nn.tanh, lambtha)
    outputs = tf.keras.layers.Dense(classes)(a)
    return tf.keras.Model(inputs, outputs)


def train(X, Y, lambtha=0.01, alpha=0.05, epochs=20, batch_size=64):
    model = build_model(X.shape[1], Y.shape[1], lambtha)
    optimizer = tf.keras.optimizers.SGD(learning_rate=alpha)
    loss_fn = tf.keras.losses.CategoricalCrossentropy(from_logits=True)
    ds = tf.data.Dataset.from_tensor_slices((X, Y)).shuffle(len(X)).batch(batch_size)

    for epoch in range(epochs):
        for x, y in ds:
            with tf.GradientTape() as tape:
                cost = loss_fn(y, model(x, training=True))
            grads = tape.gradient(cost, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
        reg_cost = l2_reg_cost(cost, model)
        print('epoch {}: cost {:.4f}, regularized cost {:.4f}'.format(epoch, float(cost), float(reg_cost)))
    return model


if __name__ == '__main__':
    lib = np.load('../data/MNIST.npz')
    X = lib['X_train'].reshape((lib['X_train'].shape[0], -1)).astype('float32')
    Y = np.eye(10, dtype='float32')[lib['Y_train']]
    train(X, Y).save('l2_model.keras')
