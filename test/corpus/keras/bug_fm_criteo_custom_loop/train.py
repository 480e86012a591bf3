# Idiom seen in: jc-LeeHub/Recommend-System-tf2.0 FM/model.py
# Idiom seen in: jc-LeeHub/Recommend-System-tf2.0 FM/train.py
# What it reproduces: a factorization machine whose custom layer creates w and v with
#   add_weight(regularizer=l2(...)); train.py replaced model.fit by a GradientTape loop whose loss is
#   only the binary cross entropy, so model.losses never reaches tape.gradient (real repo bug).
import argparse

import tensorflow as tf
from tensorflow.keras import optimizers, losses
from sklearn.metrics import accuracy_score

from model import FM
from utils import create_criteo_dataset

parser = argparse.ArgumentParser(description='FM on criteo')
parser.add_argument('-k', type=int, help='v_dim', default=8)
parser.add_argument('-w_reg', type=float, help='w regularization', default=1e-4)
parser.add_argument('-v_reg', type=float, help='v regularization', default=1e-4)
args = parser.parse_args()

if __name__ == '__main__':
    file_path = 'train.txt'
    (X_train, y_train), (X_test, y_test) = create_criteo_dataset(file_path, test_size=0.5)

    model = FM(args.k, args.w_reg, args.v_reg)
    optimizer = optimizers.SGD(0.01)
    # model.compile(optimizer='rmsprop', loss='binary_crossentropy', metrics=['accuracy'])
    # model.fit(train_dataset, epochs=200)

    summary_writer = tf.summary.create_file_writer('./tensorboard')
    for i in range(100):
        with tf.GradientTape() as tape:
            y_pre = model(X_train)
            loss = tf.reduce_mean(losses.binary_crossentropy(y_true=y_train, y_pred=y_pre))
            print(loss.numpy())
        with summary_writer.as_default():
            tf.summary.scalar("loss", loss, step=i)
        grad = tape.gradient(loss, model.variables)
        optimizer.apply_gradients(grads_and_vars=zip(grad, model.variables))

    pre = model(X_test)
    pre = [1 if x > 0.5 else 0 for x in pre]
    print("ACC: ", accuracy_score(y_test, pre))
