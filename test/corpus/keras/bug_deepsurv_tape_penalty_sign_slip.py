# Idiom seen in: arturomoncadatorres/deepsurvk deepsurvk/network/deepsurvk.py
# Idiom seen in: arturomoncadatorres/deepsurvk examples/00_understanding_deepsurv.py
# What it reproduces: DeepSurv moved from compile/fit to a GradientTape loop, Eq. 4 of the paper
#   (negative log partial likelihood + l2_reg * ||theta||^2) written by hand; the penalty is built on
#   its own line and then subtracted from the NLL, so the loop maximizes the weight norm (user sign slip).
import numpy as np
import tensorflow as tf
from sklearn.preprocessing import StandardScaler
from tensorflow.keras.layers import Dense, Dropout
from tensorflow.keras.models import Sequential

import deepsurvk.datasets as datasets

params = {'n_layers': 1, 'n_nodes': 8, 'activation': 'selu', 'learning_rate': 0.154,
          'l2_reg': 6.551, 'dropout': 0.661, 'epochs': 500}


def build_model(n_features, n_layers, n_nodes, activation, dropout):
    model = Sequential()
    model.add(Dense(units=n_features, activation=activation, kernel_initializer='glorot_uniform',
                    input_shape=(n_features,), name='InputLayer'))
    model.add(Dropout(dropout))
    for n_layer in range(n_layers):
        model.add(Dense(units=n_nodes, activation=activation, kernel_initializer='glorot_uniform',
                        name=f'HiddenLayer{n_layer + 1}'))
        model.add(Dropout(dropout))
    model.add(Dense(units=1, activation='linear', kernel_initializer='glorot_uniform',
                    name='OutputLayer'))
    return model


def negative_log_likelihood(E):
    def loss(y_true, y_pred):
        hazard_ratio = tf.math.exp(y_pred)
        log_risk = tf.math.log(tf.math.cumsum(hazard_ratio))
        uncensored_likelihood = tf.transpose(y_pred) - log_risk
        censored_likelihood = uncensored_likelihood * E
        return -tf.math.reduce_sum(censored_likelihood)
    return loss


if __name__ == '__main__':
    X_train, Y_train, E_train = datasets.load_rgbsg(partition='training')
    sort_idx = np.argsort(Y_train.to_numpy(), axis=None)[::-1]
    X_train = StandardScaler().fit_transform(X_train.loc[sort_idx, :]).astype(np.float32)
    Y_train = Y_train.loc[sort_idx, :].to_numpy().astype(np.float32)
    E_train = E_train.loc[sort_idx, :].to_numpy().astype(np.float32)

    model = build_model(X_train.shape[1], params['n_layers'], params['n_nodes'],
                        params['activation'], params['dropout'])
    optimizer = tf.keras.optimizers.Nadam(learning_rate=params['learning_rate'])
    nll = negative_log_likelihood(E_train)

    for epoch in range(params['epochs']):
        with tf.GradientTape() as tape:
            risk = model(X_train, training=True)
            neg_log_lik = nll(Y_train, risk)
            # Eq. 4: l(theta) = log partial likelihood - lambda * ||theta||_2^2
            weight_penalty = params['l2_reg'] * tf.add_n(
                [tf.reduce_sum(tf.square(w)) for w in model.trainable_weights if 'kernel' in w.name])
            loss = neg_log_lik - weight_penalty  # expect: WD302
        grads = tape.gradient(loss, model.trainable_weights)
        optimizer.apply_gradients(zip(grads, model.trainable_weights))
        if epoch % 50 == 0:
            print(f"epoch {epoch}: nll {float(neg_log_lik):.3f} penalty {float(weight_penalty):.3f}")
