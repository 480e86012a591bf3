# Idiom seen in: Eonvorax/holbertonschool-machine_learning supervised_learning/regularization/3-l2_reg_create_layer.py
# Idiom seen in: Eonvorax/holbertonschool-machine_learning supervised_learning/regularization/2-l2_reg_cost.py
# What it reproduces: the TF2 version of the course helpers (Dense with kernel_regularizer=L2(lambtha); l2_reg_cost(cost, model)
#   adding the model's regularization losses) used in a GradientTape loop: l2_reg_cost is computed inside the tape and that
#   total is what tape.gradient differentiates, so model.losses reach the update: clean.
import numpy as np
import tensorflow as tf


def l2_reg_cost(cost, model):
    """Cost of the network accounting for the layers' L2 terms."""
    return cost + tf.add_n(model.losses)


def l2_reg_create_layer(prev, n, activation, lambtha):
    """Dense layer with He (fan_avg) init and L2 on its kernel."""
    init_weights = tf.keras.initializers.VarianceScaling(scale=2.0, mode='fan_avg')
    l2_regularizer = tf.keras.regularizers.L2(lambtha)
    layer = tf.keras.layers.Dense(units=n, activation=activation,
                                  kernel_initializer=init_weights,
                                  kernel_regularizer=l2_regularizer)
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

    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            cost = loss_fn(y, model(x, training=True))
            total = l2_reg_cost(cost, model)
        grads = tape.gradient(total, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
        return cost, total

    for epoch in range(epochs):
        for x, y in ds:
            cost, total = train_step(x, y)
        print('epoch {}: cost {:.4f}, cost with L2 {:.4f}'.format(epoch, float(cost), float(total)))
    return model


if __name__ == '__main__':
    lib = np.load('../data/MNIST.npz')
    X = lib['X_train'].reshape((lib['X_train'].shape[0], -1)).astype('float32')
    Y = np.eye(10, dtype='float32')[lib['Y_train']]
    train(X, Y).save('l2_model.keras')
