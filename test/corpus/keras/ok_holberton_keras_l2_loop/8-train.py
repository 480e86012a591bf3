# Idiom seen in: Giang-Davy/holbertonschool-machine_learning supervised_learning/regularization/2-l2_reg_cost.py
# What it reproduces: course-style modules loaded with __import__, a functional MNIST model from
#   l2_reg_create_layer, and a GradientTape loop that differentiates l2_reg_cost(cost, model) (clean).
import numpy as np
import tensorflow as tf

l2_reg_cost = __import__('2-l2_reg_cost').l2_reg_cost
l2_reg_create_layer = __import__('3-l2_reg_create_layer').l2_reg_create_layer


def one_hot(Y, classes):
    """convert an array to a one-hot matrix"""
    oh = np.zeros((Y.shape[0], classes))
    oh[np.arange(Y.shape[0]), Y] = 1
    return oh


if __name__ == '__main__':
    lib = np.load('../data/MNIST.npz')
    X_train = lib['X_train'].reshape((lib['X_train'].shape[0], -1)).astype(np.float32)
    Y_train_oh = one_hot(lib['Y_train'], 10).astype(np.float32)

    inputs = tf.keras.Input(shape=(784,))
    h1 = l2_reg_create_layer(inputs, 256, tf.nn.tanh, 0.01)
    h2 = l2_reg_create_layer(h1, 256, tf.nn.tanh, 0.01)
    outputs = l2_reg_create_layer(h2, 10, None, 0.01)
    model = tf.keras.Model(inputs=inputs, outputs=outputs)

    cce = tf.keras.losses.CategoricalCrossentropy(from_logits=True)
    optimizer = tf.keras.optimizers.SGD(learning_rate=0.05)
    dataset = tf.data.Dataset.from_tensor_slices((X_train, Y_train_oh)).shuffle(10000).batch(32)

    for epoch in range(20):
        for x_batch, y_batch in dataset:
            with tf.GradientTape() as tape:
                y_pred = model(x_batch, training=True)
                cost = cce(y_batch, y_pred)
                total_cost = l2_reg_cost(cost, model)
            grads = tape.gradient(total_cost, model.trainable_variables)
            optimizer.apply_gradients(zip(grads, model.trainable_variables))
        print(epoch, float(total_cost))
