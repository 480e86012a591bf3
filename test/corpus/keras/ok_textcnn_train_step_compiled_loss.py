# Idiom seen in: MingyuLi19910814/Convolutional-Neural-Networks-for-Sentence-Classification-tf2 text_cnn.py
# What it reproduces: TF2 Kim-CNN as a keras.Model subclass with an l2 kernel_regularizer on the output layer
#   and a train_step override that calls self.compiled_loss(y, y_pred, regularization_losses=self.losses),
#   so the regularization terms are part of the differentiated loss (clean).
import argparse

import tensorflow as tf

from data_helper import load_mr_dataset


class TextCNN(tf.keras.Model):
    def __init__(self, vocab_size, embed_dim, num_classes, filter_sizes=(3, 4, 5),
                 num_filters=100, l2_lambda=3e-3, dropout=0.5):
        super(TextCNN, self).__init__()
        self.embedding = tf.keras.layers.Embedding(vocab_size, embed_dim)
        self.convs = [tf.keras.layers.Conv1D(num_filters, k, activation='relu') for k in filter_sizes]
        self.pool = tf.keras.layers.GlobalMaxPooling1D()
        self.dropout = tf.keras.layers.Dropout(dropout)
        self.out = tf.keras.layers.Dense(num_classes,
                                         kernel_regularizer=tf.keras.regularizers.l2(l2_lambda))

    def call(self, x, training=False):
        e = self.embedding(x)
        h = tf.concat([self.pool(conv(e)) for conv in self.convs], axis=-1)
        return self.out(self.dropout(h, training=training))

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--embed_dim', type=int, default=300)
    parser.add_argument('--l2_lambda', type=float, default=3e-3)
    parser.add_argument('--epochs', type=int, default=10)
    args = parser.parse_args()

    (x_train, y_train), (x_test, y_test), vocab_size = load_mr_dataset()
    model = TextCNN(vocab_size, args.embed_dim, num_classes=2, l2_lambda=args.l2_lambda)
    model.compile(optimizer=tf.keras.optimizers.Adadelta(1.0),
                  loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=['accuracy'])
    model.fit(x_train, y_train, batch_size=50, epochs=args.epochs, validation_data=(x_test, y_test))
