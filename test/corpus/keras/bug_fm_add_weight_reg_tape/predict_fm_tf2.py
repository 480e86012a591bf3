# Idiom seen in: KrianJ/CtrEstimate predict_fm_tf2.py
# What it reproduces: the Criteo FM training script: a hand-written loop whose loss inside the GradientTape is the
#   binary cross entropy only (model.losses left out), gradients taken with respect to model.variables.
import pandas as pd
import tensorflow as tf
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler
from tensorflow.keras import optimizers, losses

from FM_tf2 import FM


def load_data(file):
    data = pd.read_csv(file)
    dense_fea = ['I{}'.format(i) for i in range(1, 14)]
    sparse_fea = ['C{}'.format(j) for j in range(1, 27)]
    data[dense_fea] = data[dense_fea].fillna(0)
    data[sparse_fea] = data[sparse_fea].fillna('-1')
    data[dense_fea] = MinMaxScaler().fit_transform(data[dense_fea])
    data = pd.get_dummies(data)
    X, y = data.drop('label', axis=1).values.astype('float32'), data['label'].values.astype('float32')
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
    return (X_train, y_train), (X_test, y_test)


if __name__ == '__main__':
    (X_train, y_train), (X_test, y_test) = load_data('dataset/train_fm.csv')
    k = 8
    w_reg = 1e-5
    v_reg = 1e-5
    n_epoch = 100

    model = FM(k=k, w_reg=w_reg, v_reg=v_reg)
    optim = optimizers.SGD(0.01)
    bce = losses.BinaryCrossentropy()

    for epoch in range(n_epoch):
        with tf.GradientTape() as tape:
            y_pred = tf.reshape(model(X_train), (-1,))
            loss = bce(y_train, y_pred)
        grad = tape.gradient(loss, model.variables)
        optim.apply_gradients(grads_and_vars=zip(grad, model.variables))
        if epoch % 10 == 0 and epoch:
            print("epoch: {}, loss: {}".format(epoch, loss))

    test_pred = model(X_test)
    pre = [1 if x > 0.5 else 0 for x in tf.reshape(test_pred, (-1,)).numpy()]
    print('acc: {}'.format(accuracy_score(y_test, pre)))
